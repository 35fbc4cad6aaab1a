// The hover card of one relation: kind and related model, the keys Lucid will use (and whether they
// are defaults, derived how), serialization, onQuery, the SQL of `related().query()` and any finding.
import type { Finding, LucidModel, ModelIndex, ModelRelation } from '../analysis'
import { resolveHasManyKeys, type RelationKeys, type ResolvedKey } from '../analysis'
import type { RelationFact } from '../analysis/class-facts'
import type { DatabaseSchema } from '../../../engine/src/schema'
import { cell, code, firstLine, sqlIdentifier } from './markdown-text'
import { relationColumns } from './relation-columns'

export type KeyRole = 'localKey' | 'foreignKey'

export interface RelationCardInput {
  index: ModelIndex
  /** The model the relation is used on; a subclass derives its own default keys (Lucid: `model.name`). */
  parent: LucidModel
  relation: ModelRelation
  /** The key whose row is emphasised (a hover on that key's string). */
  emphasis?: KeyRole
  /** A file's findings as the diagnostics report them (schema checks included). */
  findingsOf: (fileName: string) => Finding[]
  /** The schema the checks use (live database or migrations), for the key columns' block. */
  schema?: DatabaseSchema | undefined
  /** Migrations of part of the database: a missing table or column is no evidence, so not said. */
  schemaPartial?: boolean
}

/** `hasMany → Post`, for lists and completion details. */
export function relationSummary(index: ModelIndex, fact: RelationFact): string {
  return `${fact.kind} → ${relatedName(index, fact)}`
}

/** The card's Markdown blocks, to be joined by blank lines. */
export function relationCard(input: RelationCardInput): string[] {
  const { index, parent, relation } = input
  const { fact } = relation
  const related = index.relatedModel(fact)
  const relatedModel = related.kind === 'model' ? related.model : undefined
  const table = relatedModel?.table !== undefined ? ` (table ${code(relatedModel.table)})` : ''
  const blocks = [`**${parent.name}.${fact.name}**: ${fact.kind} → ${relatedName(index, fact)}${table}`]
  const keys =
    relatedModel && (fact.kind === 'hasMany' || fact.kind === 'hasOne')
      ? resolveHasManyKeys(parent, relation, relatedModel)
      : undefined
  if (keys) blocks.push(keyTable(keys, input.emphasis))
  else blocks.push(...explicitKeys(fact, input.emphasis))
  blocks.push(optionsLine(fact))
  const sql =
    fact.kind === 'hasMany' && keys && relatedModel ? relatedQuerySql(relatedModel, keys) : undefined
  if (sql) {
    // Lucid wraps onQuery's wheres in their own group before the relation's constraint (reference 4.1).
    const note = fact.onQuery ? "\n-- onQuery's wheres come first: where (...) and (<constraint>)" : ''
    blocks.push('```sql\n' + sql + note + '\n```')
  }
  const columns =
    input.schema && relationColumns(index, parent, relation, input.schema, input.schemaPartial === true)
  if (columns) blocks.push(columns)
  const findings = relationFindings(input.findingsOf, fact)
  if (findings.length) blocks.push(findings.map((f) => `⚠ ${f.code}: ${f.message}`).join('  \n'))
  return blocks
}

function relatedName(index: ModelIndex, fact: RelationFact): string {
  const related = index.relatedModel(fact)
  const written = fact.relatedExpr?.getText() ?? '?'
  switch (related.kind) {
    case 'model':
      return related.model.name
    case 'not-a-model':
      return `${written} (not a Lucid model)`
    case 'undeclared':
      return `${related.name} (not declared)`
    case 'unknown':
      return `${written} (not resolved)`
  }
}

function keyTable(keys: RelationKeys, emphasis: KeyRole | undefined): string {
  const rows = (['localKey', 'foreignKey'] as const).map((role) =>
    keyRow(role, keys[role], role === emphasis),
  )
  return ['| | property | column | |', '|---|---|---|---|', ...rows].join('\n')
}

function keyRow(role: KeyRole, key: ResolvedKey, emphasised: boolean): string {
  const owner = key.owner
  const columnName = key.column?.columnName
  const column = !key.column
    ? `not a column of ${owner.name}`
    : columnName === undefined
      ? 'decided by a custom naming strategy'
      : code(owner.table !== undefined ? `${owner.table}.${columnName}` : columnName)
  const how = key.option ? 'explicit' : `default: ${key.derivation ?? 'derived by Lucid'}`
  const cells = [role, code(`${owner.name}.${key.name}`), column, how].map(cell)
  return `| ${cells.map((c) => (emphasised ? `**${c}**` : c)).join(' | ')} |`
}

/** Kinds whose keys are not resolved here (belongsTo, manyToMany...): show what is written. */
function explicitKeys(fact: RelationFact, emphasis: KeyRole | undefined): string[] {
  const parts = (['localKey', 'foreignKey'] as const).flatMap((role) => {
    const option = fact[role]
    if (!option) return []
    const text = `${role} ${code(option.value ?? option.node.getText())}`
    return [role === emphasis ? `**${text}**` : text]
  })
  return parts.length ? [parts.join(' · ')] : []
}

function optionsLine(fact: RelationFact): string {
  const serialize =
    fact.serializeAs === null
      ? `serializeAs ${code('null')} (left out of serialize())`
      : fact.serializeAs === undefined
        ? `serializeAs ${code(fact.name)} (default: the relation name)`
        : `serializeAs ${code(fact.serializeAs)}`
  return fact.onQuery ? `${serialize} · onQuery: ${code(firstLine(fact.onQuery.getText()))}` : serialize
}

/** What `parent.related(name).query()` runs (reference 4.1); onQuery's wheres would come first. */
function relatedQuerySql(related: LucidModel, keys: RelationKeys): string | undefined {
  const column = keys.foreignKey.column?.columnName
  if (related.table === undefined || column === undefined || !keys.localKey.column) return undefined
  return `select * from ${sqlIdentifier(related.table)} where ${sqlIdentifier(column)} = ?`
}

/** The findings reported on the relation's declaration (decorator through property). */
function relationFindings(findingsOf: (fileName: string) => Finding[], fact: RelationFact): Finding[] {
  const file = fact.decorator.getSourceFile()
  const member = fact.nameNode.parent
  const start = Math.min(fact.decorator.getStart(file), member.getStart(file))
  const end = member.getEnd()
  return findingsOf(file.fileName).filter(
    (f) => f.fileName === file.fileName && f.start >= start && f.end <= end,
  )
}
