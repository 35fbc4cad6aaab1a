// Public surface of the engine's read previews (the naming strategy has its own index in naming/).
export { SqliteExecutor, formatBindings } from './connection/sqlite-executor'
export { MysqlExecutor } from './connection/mysql-executor'
export { PostgresExecutor } from './connection/postgres-executor'
export { DatabaseError } from './connection/database-errors'
export { DEFAULT_STATEMENT_TIMEOUT_MS } from './connection/server-options'
export type { ServerConnection, ServerExecutorOptions } from './connection/server-options'
export type { QueryPlan, Call, PlanArg, PlanValue } from './plan'
export { call, callback, v } from './plan'
export { DEFAULT_ROW_CAP, previewSqlite, runPlan } from './preview'
export type { PreviewOptions, SqlitePreviewOptions } from './preview'
export { previewMysql, previewPostgres } from './preview-server'
export type { ServerPreviewOptions } from './preview-server'
export { PreviewError } from './query/errors'
export type { PreviewErrorCode } from './query/errors'
export type {
  ExecutedStatement,
  ModelExtras,
  PageExtras,
  PreviewResult,
  ResultExtras,
  SerializedModel,
  SerializedPage,
  SerializedResult,
} from './query/result'
export type { Row, StatementExecutor } from './query/runtime'
export { sketchPlan } from './sketch'
export type { Sketch, SketchDialect } from './sketch'
export { placeholder } from './connection/sketch-executor'
export { compilerFor } from './query/runtime'
export type { ExplainMode, ForeignKeyScan, PlanNode, StatementPlan } from './explain/plan-tree'
