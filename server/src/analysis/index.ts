export { analyzeFile, type AnalysisOptions } from './analyze-file'
export {
  ALL_CODES,
  CODES,
  OFF_BY_DEFAULT_CODES,
  SCHEMA_CODES,
  isOffByDefault,
  type FindingKind,
  type Severity,
} from './codes'
export type { Finding, RelatedLocation } from './finding'
export { detectGeneration, generationOf, type DetectedGeneration } from './lucid-version'
export type { LucidModel, ModelColumn, ModelRelation } from './lucid-model'
export { ModelIndex, type RelatedModel } from './model-index'
export { isOwnModel, ownModels, relationCount } from './model-roles'
export { ModelInference, type ModelRef } from './infer'
export {
  resolveHasManyKeys,
  resolveRelation,
  type KeyPair,
  type KeyRole,
  type PivotKey,
  type RelationKeys,
  type ResolvedKey,
  type ResolvedPivot,
  type ResolvedRelation,
} from './relation-keys'
export { buildModelGraph } from './model-graph'
export { COLUMN_ARG_METHODS, locate, type CursorTarget } from './locate'
export { migrationSchema, MIGRATIONS_DIR } from './schema/migrations'
export { migrationFolders } from './schema/migration-folders'
export { databaseConfigFile } from './schema/database-config'
export { appSchemas, type AppSchemas, type AppSchemaInputs } from './schema/app-schemas'
export { isPartialSchema, schemaForModel, schemaNotes } from './checks/schema-scope'
