// SQL-only previews: the statements Lucid would send for a plan, compiled for a dialect with no
// database at all (see connection/sketch-executor.ts). Values read from rows are placeholders
// (`<User.id>`); literals of the code keep their values. Writes need a database: a dry run is the
// only way they are previewed, so a writing plan is refused with that reason.
import { SketchExecutor } from './connection/sketch-executor'
import type { ModelGraph } from './model-graph'
import { planWrites } from './persistence/write-steps'
import type { QueryPlan } from './plan'
import { runPlan } from './preview'
import { PreviewError } from './query/errors'
import type { ExecutedStatement } from './query/result'
import type { StatementExecutor } from './query/runtime'

export type SketchDialect = StatementExecutor['client']

export interface Sketch {
  statements: ExecutedStatement[]
  /** What the statements leave out (an onQuery hook previews cannot apply...). */
  warnings: string[]
}

/** Throws the engine's PreviewError for a plan Lucid would reject (an unknown relation...). */
export async function sketchPlan(
  graph: ModelGraph,
  plan: QueryPlan,
  dialect: SketchDialect,
): Promise<Sketch> {
  if (planWrites(plan))
    throw new PreviewError('Writes are previewed only as dry runs, which need a database', 'E_READ_ONLY')
  const { statements, warnings } = await runPlan(graph, plan, new SketchExecutor(dialect))
  return { statements, warnings }
}
