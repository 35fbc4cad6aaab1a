// Real preview results for the client's pure modules: the engine runs on the engine tests' seeded
// SQLite fixture, so the panel and the exports are tested on what the server really returns.
import { previewSqlite, type PreviewOptions } from '../../../engine/src/preview'
import type { PreviewResult } from '../../../engine/src/query/result'
import { createFixtureDatabase, removeFixtureDatabase } from '../../engine/support/fixture-db'
import { FIXTURE_GRAPH } from '../../engine/support/fixture-graph'
import { chain, type Recorder } from '../../engine/support/plan-recorder'

export interface FixturePreviews {
  run(model: string, build: (start: Recorder) => unknown, options?: PreviewOptions): Promise<PreviewResult>
  remove(): void
}

export function fixturePreviews(): FixturePreviews {
  const file = createFixtureDatabase()
  return {
    run: (model, build, options) => previewSqlite(FIXTURE_GRAPH, chain(model, build), file, options),
    remove: () => removeFixtureDatabase(file),
  }
}
