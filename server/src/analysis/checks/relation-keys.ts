// LL101-LL106 and LL109: the keys of every relation kind, checked as Lucid's KeysExtractor does:
// each key must be a @column property of the model it belongs to (relation-keys.ts says which).
import type * as TS from 'typescript'
import { finding, locationOf, type Finding } from '../finding'
import type { LucidModel, ModelRelation } from '../lucid-model'
import type { ModelIndex } from '../model-index'
import {
  resolveRelation,
  type KeyPair,
  type KeyRole,
  type ResolvedKey,
  type ResolvedRelation,
} from '../relation-keys'
import { camelCase } from '../../../../engine/src/naming'
import { closest } from '../suggest'

const COMPARABLE_TYPES = new Set(['number', 'string', 'bigint', 'boolean'])

/** The keys a relation points at (LL102/LL105) and the keys that point (LL101/LL104). */
const LOCAL_ROLES: ReadonlySet<KeyRole> = new Set(['localKey', 'relatedKey', 'throughLocalKey'])

export function checkRelationKeys(index: ModelIndex, parent: LucidModel, relation: ModelRelation): Finding[] {
  const resolved = resolveRelation(index, parent, relation)
  if (!resolved) return []
  const { label } = resolved
  const out = resolved.keys.flatMap((key) => checkKey(label, key, relation, resolved))
  if (out.length > 0) return out
  for (const pair of resolved.pairs) {
    const typeProblem = checkKeyTypes(label, pair, relation)
    if (typeProblem) out.push(typeProblem)
  }
  return out
}

function checkKey(
  label: string,
  key: ResolvedKey,
  relation: ModelRelation,
  resolved: ResolvedRelation,
): Finding[] {
  const role = key.role
  if (key.column || !key.owner.complete) return []
  const owner = key.owner
  const range: TS.Node = key.option?.node ?? relation.fact.decoratorNameNode
  const plain = owner.plainProperties.get(key.name)
  if (plain) {
    return [
      finding(
        'keyWithoutColumn',
        range,
        `"${label}" uses ${role} "${key.name}", which is a property of "${owner.name}" but has no @column ` +
          `decorator. Lucid only knows decorated columns and fails with E_MISSING_MODEL_ATTRIBUTE.`,
        {
          related: [locationOf(plain.nameNode, `${owner.name}.${key.name} is declared here without @column`)],
        },
      ),
    ]
  }
  if (key.option) {
    const byColumn = [...owner.columns.values()].find((c) => c.columnName === key.name)
    if (byColumn) {
      return [
        finding(
          'columnNameAsKey',
          range,
          `"${key.name}" is a database column name; Lucid's ${role} must be a property name of ` +
            `"${owner.name}". Use "${byColumn.fact.name}" (column ${byColumn.columnName}).`,
          { suggestion: byColumn.fact.name },
        ),
      ]
    }
    const suggestion = closest(key.name, owner.columns.keys())
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : ''
    return [
      finding(
        LOCAL_ROLES.has(role) ? 'unknownLocalKey' : 'unknownForeignKey',
        range,
        `"${label}" expects ${role} "${key.name}" to exist on "${owner.name}" model, but it is not a column ` +
          `property of ${owner.name}.${hint}`,
        suggestion ? { suggestion } : {},
      ),
    ]
  }
  const kind = LOCAL_ROLES.has(role) ? 'missingDefaultLocalKey' : 'missingDefaultForeignKey'
  return [
    finding(
      kind,
      range,
      `"${label}" uses the default ${role} "${key.name}" (${key.derivation}), but "${owner.name}" has no ` +
        `"${key.name}" column property. Lucid fails with E_MISSING_MODEL_ATTRIBUTE on first use: add the ` +
        `column to ${owner.name} or set ${role} explicitly.${relationNamed(key, relation, resolved)}`,
    ),
  ]
}

/** belongsTo: the column named after the relation, which Lucid does not derive (issue #911). */
function relationNamed(key: ResolvedKey, relation: ModelRelation, resolved: ResolvedRelation): string {
  const { fact } = relation
  if (fact.kind !== 'belongsTo' || key.role !== 'foreignKey') return ''
  const generation = key.owner.strategy?.generation ?? 'v7'
  const named = camelCase(`${fact.name}_${resolved.related.primaryKey}`, generation)
  return key.owner.columns.has(named)
    ? ` ${key.owner.name} has "${named}", named after the relation, but Lucid derives the default from ` +
        `the related model's name: set foreignKey: '${named}'.`
    : ''
}

function checkKeyTypes(
  label: string,
  { local, foreign }: KeyPair,
  relation: ModelRelation,
): Finding | undefined {
  const a = local.column?.fact.baseType
  const b = foreign.column?.fact.baseType
  if (!a || !b || a === b || !COMPARABLE_TYPES.has(a) || !COMPARABLE_TYPES.has(b)) return undefined
  const range = foreign.option?.node ?? local.option?.node ?? relation.fact.decoratorNameNode
  return finding(
    'keyTypeMismatch',
    range,
    `"${label}": ${local.role} ${local.owner.name}.${local.name} is ${a} but ${foreign.role} ${foreign.owner.name}.${foreign.name} ` +
      `is ${b}. Lucid matches related rows with ===, so preloads silently come back empty.`,
  )
}
