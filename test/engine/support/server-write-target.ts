// Dry-run write targets on database servers: a fresh database per test file with server-generated
// ids, the engine's previewPostgres/previewMysql as the dry run, and a checksum of every row.
import { SEQUENCE_WARNING, previewMysql, previewPostgres } from '../../../engine/src/preview-server'
import { DRY_RUN_WARNING } from '../../../engine/src/preview'
import { contentChecksum } from './server-checks'
import { buildFixture, createServerDatabase, resetIdCounters, type ServerDialect } from './server-db'
import { WRITE_GRAPH, type ExpectedWarnings, type WriteTarget } from './write-differential'

export function serverWriteTarget(dialect: ServerDialect): () => Promise<WriteTarget> {
  return async () => {
    const database = await createServerDatabase(dialect, (db) => buildFixture(db, { autoIds: true }))
    const run = dialect === 'pg' ? previewPostgres : previewMysql
    return {
      lucid: database.lucid,
      preview: (plan, options) => run(WRITE_GRAPH, plan, database.settings, options),
      checksum: () => contentChecksum(dialect, database.knex),
      resetCounters: () => resetIdCounters(database.knex),
      close: () => database.drop(),
    }
  }
}

/** What a server dry run warns: rolled back, and (when it inserted) the ids it drew stay used. */
export const serverWriteWarnings: ExpectedWarnings = (statements) =>
  statements.some((s) => /^\s*insert\b/i.test(s.sql))
    ? [DRY_RUN_WARNING, SEQUENCE_WARNING]
    : [DRY_RUN_WARNING]
