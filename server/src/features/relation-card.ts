// The hover card of one relation, the same for every kind: kind and related model (and the through
// model), the keys Lucid will use in a table (property, column, explicit or how the default is
// derived), a manyToMany's pivot table and its keys, serialization, onQuery, the SQL of
// `related().query()`, the key columns in the schema and any finding.
import type { Finding, LucidModel, ModelIndex, ModelRelation } from '../analysis'
import type { RelationFact } from '../analysis/class-facts'
import { findingsOnRelation } from '../analysis/relation-problems'
import { relationShape, type KeyRole, type RelationShape, type ShapeKey } from '../analysis/relation-shape'
import type { DatabaseSchema } from '../../../engine/src/schema'
import type { PivotKeys } from '../../../engine/src/model-graph'
import { cell, code, firstLine } from './markdown-text'
import { relationColumns } from './relation-columns'
import type { RelationSql } from './relation-sql'

export type { KeyRole }

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
  /** The SQL of `related().query()` (relation-sql.ts), when it compiles. */
  sql?: RelationSql | undefined
  /** `SQLite`, `PostgreSQL`: the dialect of `sql`. */
  dialect?: string
}

/** `hasMany → Post`, for lists and completion details. */
export function relationSummary(index: ModelIndex, fact: RelationFact): string {
  return `${fact.kind} → ${relatedName(index, fact)}`
}

/** The card's Markdown blocks, to be joined by blank lines. */
export function relationCard(input: RelationCardInput): string[] {
  const { index, parent, relation } = input
  const { fact } = relation
  const shape = relationShape(index, parent, relation)
  const related = index.relatedModel(fact)
  const relatedModel = related.kind === 'model' ? related.model : undefined
  const table = relatedModel?.table !== undefined ? ` (table ${code(relatedModel.table)})` : ''
  const through = shape?.through ? ` through ${modelWithTable(shape.through)}` : ''
  const blocks = [
    `**${parent.name}.${fact.name}**: ${fact.kind} → ${relatedName(index, fact)}${table}${through}`,
  ]
  if (shape) blocks.push(keyTable(shape, input.emphasis))
  else blocks.push(...explicitKeys(fact, input.emphasis))
  blocks.push(optionsLine(fact))
  if (input.sql) {
    const dialect = input.dialect ? ` for ${input.dialect}` : ''
    const notes = input.sql.warnings.map((warning) => `\n-- ${warning}`).join('')
    blocks.push(`SQL of ${code(`related('${fact.name}').query()`)}${dialect}:`)
    blocks.push('```sql\n' + input.sql.sql + notes + '\n```')
  }
  const columns =
    input.schema && relationColumns(index, parent, relation, input.schema, input.schemaPartial === true)
  if (columns) blocks.push(columns)
  const findings = findingsOnRelation(input.findingsOf(fact.decorator.getSourceFile().fileName), fact)
  if (findings.length) blocks.push(findings.map((f) => `⚠ ${f.code}: ${f.message}`).join('  \n'))
  return blocks
}

function modelWithTable(model: LucidModel): string {
  return model.table !== undefined ? `${model.name} (table ${code(model.table)})` : model.name
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

function keyTable(shape: RelationShape, emphasis: KeyRole | undefined): string {
  const rows = shape.keys.map((key) => keyRow(key, key.role === emphasis))
  if (shape.pivot) rows.push(...pivotRows(shape.pivot))
  return ['| | property | column | |', '|---|---|---|---|', ...rows].join('\n')
}

function keyRow(key: ShapeKey, emphasised: boolean): string {
  const owner = key.owner
  const columnName = key.column?.columnName
  const column = !key.column
    ? `not a column of ${owner.name}`
    : columnName === undefined
      ? 'decided by a custom naming strategy'
      : code(owner.table !== undefined ? `${owner.table}.${columnName}` : columnName)
  const how = key.option ? 'explicit' : `default: ${key.derivation ?? 'derived by Lucid'}`
  return row([key.role, code(`${owner.name}.${key.name}`), column, how], emphasised)
}

/** The pivot table's key columns: no model owns them, so the property cell says so. */
function pivotRows(pivot: PivotKeys): string[] {
  const how = (isDefault: boolean, text: string) => (isDefault ? `default: ${text}` : 'explicit')
  const column = (name: string) => code(`${pivot.table}.${name}`)
  const rows = [
    row(
      [
        'pivotTable',
        '(no model)',
        code(pivot.table),
        how(pivot.tableIsDefault, 'snake_case of both model names, sorted'),
      ],
      false,
    ),
    row(['pivotForeignKey', '(pivot)', column(pivot.foreignKey), 'holds localKey'], false),
    row(['pivotRelatedForeignKey', '(pivot)', column(pivot.relatedForeignKey), 'holds relatedKey'], false),
  ]
  for (const extra of pivot.columns)
    rows.push(row(['pivotColumns', '(pivot)', column(extra), `read as ${code(`pivot_${extra}`)}`], false))
  const { createdAt, updatedAt } = pivot.timestamps
  for (const stamp of [createdAt, updatedAt])
    if (stamp) rows.push(row(['pivotTimestamps', '(pivot)', column(stamp), 'set on attach'], false))
  return rows
}

function row(cells: string[], emphasised: boolean): string {
  return `| ${cells
    .map(cell)
    .map((c) => (emphasised ? `**${c}**` : c))
    .join(' | ')} |`
}

/** Relations whose keys do not resolve (a dynamic option, a custom strategy): show what is written. */
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
