// Public surface of the engine's read previews (the naming strategy has its own index in naming/).
export { SqliteExecutor, formatBindings } from './connection/sqlite-executor'
export type { QueryPlan, Call, PlanArg, PlanValue } from './plan'
export { call, callback, v } from './plan'
export { DEFAULT_ROW_CAP, previewSqlite, runPlan } from './preview'
export type { PreviewOptions } from './preview'
export { PreviewError } from './query/errors'
export type { PreviewErrorCode } from './query/errors'
export type {
  ExecutedStatement,
  ModelExtras,
  PreviewResult,
  ResultExtras,
  SerializedModel,
  SerializedResult,
} from './query/result'
export type { Row, StatementExecutor } from './query/runtime'
