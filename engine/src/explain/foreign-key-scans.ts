// A full scan that filters on the column a relation looks rows up by (the foreign key of a hasMany or
// hasOne, the owner key of a belongsTo, a manyToMany pivot's key) is what LL405 warns about: every
// preload, whereHas and withCount of that relation reads the whole table. The plan says so on the node.
import type { ModelGraph } from '../model-graph'
import { ModelRegistry, type BootedRelation } from '../query/model-registry'
import { planNodes, type PlanNode } from './plan-tree'

interface LookupColumn {
  table: string
  column: string
  relation: string
}

/** Marks the full scans of `nodes` that filter on a relation's lookup column (mutates the nodes). */
export function markForeignKeyScans(nodes: readonly PlanNode[], graph: ModelGraph): void {
  const lookups = lookupColumns(graph)
  for (const node of planNodes(nodes)) {
    if (!node.fullScan || !node.table || !node.condition) continue
    const table = node.table.toLowerCase()
    const lookup = lookups.find(
      (candidate) =>
        candidate.table.toLowerCase() === table && mentions(node.condition as string, candidate.column),
    )
    if (!lookup) continue
    node.foreignKeyScan = {
      code: 'LL405',
      relation: lookup.relation,
      table: node.table,
      column: lookup.column,
      message:
        `reads all of ${node.table}: no index used for ${lookup.column}, the key ${lookup.relation} ` +
        'looks rows up by (LL405 checks that it has one)',
    }
  }
}

/** Every relation's lookup column, keys resolved as Lucid boots the relation; unresolvable ones are skipped. */
function lookupColumns(graph: ModelGraph): LookupColumn[] {
  const registry = new ModelRegistry(graph)
  // A primary key always has an index: a scan on it is the planner's choice, never LL405's case.
  const primary = new Set(
    graph.models.map((model) => {
      const meta = registry.model(model.name)
      return `${meta.table}.${meta.resolveKey(meta.primaryKey)}`.toLowerCase()
    }),
  )
  const out: LookupColumn[] = []
  for (const model of graph.models) {
    for (const info of model.relations) {
      let relation: BootedRelation
      try {
        relation = registry.boot(registry.model(model.name), info.name)
      } catch {
        continue
      }
      const name = `${model.name}.${info.name}`
      if (relation.kind === 'hasMany' || relation.kind === 'hasOne')
        out.push({ table: relation.related.table, column: relation.foreignKeyColumn, relation: name })
      else if (relation.kind === 'belongsTo')
        out.push({ table: relation.related.table, column: relation.localKeyColumn, relation: name })
      else if (relation.pivot)
        out.push({ table: relation.pivot.table, column: relation.pivot.foreignKey, relation: name })
    }
  }
  return out.filter((lookup) => !primary.has(`${lookup.table}.${lookup.column}`.toLowerCase()))
}

/** The column as a whole word of the condition (`user_id = ANY(...)`, `posts.user_id in (1,2)`). */
function mentions(condition: string, column: string): boolean {
  const escaped = column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(^|[^\\w$])${escaped}($|[^\\w$])`, 'i').test(condition.replace(/["`]/g, ''))
}
