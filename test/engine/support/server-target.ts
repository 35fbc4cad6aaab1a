// Differential targets on database servers: a fresh database per test file, and a fresh read-only
// executor (its own connection and transaction) per scenario, exactly as a preview gets one.
import { MysqlExecutor } from '../../../engine/src/connection/mysql-executor'
import { PostgresExecutor } from '../../../engine/src/connection/postgres-executor'
import type { ServerConnection, ServerExecutorOptions } from '../../../engine/src/connection/server-options'
import type { TargetDatabase } from './differential'
import { createServerDatabase, type ServerDialect } from './server-db'

export function openExecutor(
  dialect: ServerDialect,
  settings: ServerConnection,
  options: ServerExecutorOptions = {},
): Promise<PostgresExecutor | MysqlExecutor> {
  return dialect === 'pg' ? PostgresExecutor.open(settings, options) : MysqlExecutor.open(settings, options)
}

export function serverTarget(dialect: ServerDialect): () => Promise<TargetDatabase> {
  return async () => {
    const database = await createServerDatabase(dialect)
    return {
      lucid: database.lucid,
      async withExecutor(run) {
        const executor = await openExecutor(dialect, database.settings)
        try {
          return await run(executor)
        } finally {
          await executor.close()
        }
      },
      close: () => database.drop(),
    }
  }
}
