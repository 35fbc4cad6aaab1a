// All findings of one source file. Definition checks run on the models declared in the file,
// usage checks on its calls; both read other files only through the model index.
import type * as TS from 'typescript'
import type { DatabaseSchema } from '../../../engine/src/schema'
import { checkGroupOrderBy } from './checks/group-order'
import { checkNPlusOne } from './checks/n-plus-one'
import { checkFinderLoops } from './checks/n-plus-one-finders'
import { checkOnQueryPreload } from './checks/on-query-preload'
import { checkPersistMany } from './checks/persist-many'
import { checkQueryColumns } from './checks/query-columns'
import { checkRelatedModel } from './checks/related-model'
import { checkRelationKeys } from './checks/relation-keys'
import { checkModelColumns } from './checks/schema-columns'
import { checkRelationColumns } from './checks/schema-keys'
import type { SchemaContext } from './checks/schema-support'
import { checkModelTable } from './checks/schema-table'
import { checkTransactionClient } from './checks/transaction-client'
import { checkUnknownRelation } from './checks/unknown-relation'
import { checkUnloadedRelations } from './checks/unloaded-relation'
import { checkUnusedPreloads } from './checks/unused-preload'
import { checkWriteWithoutWhere } from './checks/write-without-where'
import { RELATION_NAME_METHODS, fileFacts } from './file-facts'
import { CODES } from './codes'
import type { Finding } from './finding'
import { ModelInference } from './infer'
import type { ModelIndex } from './model-index'
import { isOwnModel } from './model-roles'
import { isExternalFile } from './resolve'
import type { AppSchemas } from './schema/app-schemas'

export interface AnalysisOptions {
  /** The schemas to hold models against, per connection (see schema/app-schemas.ts). */
  schemas?: AppSchemas
  /** One schema for every model (tests, apps with one connection); `schemas` wins. None: no schema checks. */
  schema?: DatabaseSchema
  /** Schema finding codes (LL4xx) the user turned off. */
  disabledSchemaCodes?: readonly string[]
  /**
   * Off-by-default codes (LL503) a severity setting turns on. The others are not computed: nobody
   * would see them.
   */
  hints?: readonly string[]
}

export function analyzeFile(
  index: ModelIndex,
  file: TS.SourceFile,
  options: AnalysisOptions = {},
): Finding[] {
  if (isExternalFile(file)) return []
  const { ts } = index
  const facts = fileFacts(ts, file)
  const schemas: AppSchemas | undefined =
    options.schemas ??
    (options.schema && { connections: new Map(), defaultSchema: options.schema, notes: [] })
  // No schema at all (no migrations, no database/schema.ts, no database read): nothing to hold
  // models or queries against, so the schema checks and the query inference they need are skipped.
  const anySchema = schemas && (schemas.defaultSchema !== undefined || schemas.connections.size > 0)
  const schema: SchemaContext | undefined = anySchema ? { index, schemas } : undefined
  const out: Finding[] = []
  const schemaFindings: Finding[] = []
  for (const cls of facts.classes) {
    const model = index.modelOf(cls.node)
    // A mixin's relations are checked as each model composing it has them (keys default to its name).
    const holders = model ? [model] : cls.relations.length > 0 ? index.composersOf(cls) : []
    // A base's columns are checked on the models that extend it, against their tables.
    if (model && schema && isOwnModel(index, model))
      schemaFindings.push(...checkModelTable(schema, model), ...checkModelColumns(schema, model))
    for (const fact of cls.relations) {
      if (holders.length > 0) out.push(...checkOnQueryPreload(ts, fact))
      for (const holder of holders) {
        const own = holder.relations.get(fact.name)
        const relation = own?.fact === fact ? own : { fact, declaredBy: cls }
        out.push(...checkRelatedModel(index, holder, relation))
        out.push(...checkRelationKeys(index, holder, relation))
        if (schema) schemaFindings.push(...checkRelationColumns(schema, holder, relation))
      }
    }
  }
  const disabled = new Set(options.disabledSchemaCodes ?? [])
  out.push(...schemaFindings.filter((f) => !disabled.has(f.code)))
  const inference = new ModelInference(index)
  const rows = { ts, inference, checker: index.checker }
  for (const call of facts.calls) {
    if (RELATION_NAME_METHODS.has(call.method)) out.push(...checkUnknownRelation(ts, inference, call))
    out.push(...checkGroupOrderBy(ts, inference, call))
    out.push(...checkPersistMany(inference, call))
    out.push(...checkNPlusOne(rows, call))
    out.push(...checkQueryColumns(ts, inference, schema, call))
    out.push(...checkWriteWithoutWhere(ts, inference, call))
    out.push(...checkTransactionClient(ts, inference, index.checker, call))
  }
  out.push(...checkFinderLoops(rows, index, file))
  out.push(...checkUnloadedRelations(rows, file))
  if (options.hints?.includes(CODES.preloadNeverRead.code)) out.push(...checkUnusedPreloads(rows, file))
  return unique(out).sort((a, b) => a.start - b.start || a.code.localeCompare(b.code))
}

/** One finding per place, code and text: models composing one mixin may say the same thing. */
function unique(findings: Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((f) => {
    const key = `${f.start}:${f.end}:${f.code}:${f.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
