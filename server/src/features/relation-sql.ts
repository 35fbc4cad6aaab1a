// The SQL of `parent.related('name').query()` for a relation's hover card, compiled by the engine
// exactly as a preview compiles it (SQL-only, in the app's dialect), so the hover and the preview
// never disagree. The parent's key is a placeholder (`<User.id>`). hasManyThrough, which previews
// do not run yet, is compiled the way Lucid's HasManyThroughQueryBuilder builds it.
import { compilerFor, placeholder } from '../../../engine/src'
import { isPreviewKind, type ModelGraph } from '../../../engine/src/model-graph'
import { call } from '../../../engine/src/plan'
import { sketchPlan } from '../../../engine/src/sketch'
import { buildModelGraph, type LucidModel, type ModelIndex, type ModelRelation } from '../analysis'
import type { RelationShape } from '../analysis/relation-shape'
import type { SqlDialect } from '../preview/sql-only'

export interface RelationSql {
  sql: string
  /** What the SQL leaves out (an onQuery hook previews cannot apply). */
  warnings: string[]
}

/** One graph per model index (a new index comes with every program change), not one per hover. */
const graphs = new WeakMap<ModelIndex, ModelGraph>()

function graphOf(index: ModelIndex): ModelGraph {
  let graph = graphs.get(index)
  if (!graph) {
    graph = buildModelGraph(index)
    graphs.set(index, graph)
  }
  return graph
}

/** Undefined when the relation cannot be compiled (a key that is not a column, an unknown table). */
export async function relationSql(
  index: ModelIndex,
  parent: LucidModel,
  relation: ModelRelation,
  shape: RelationShape,
  dialect: SqlDialect,
): Promise<RelationSql | undefined> {
  const { fact } = relation
  if (shape.keys.some((key) => key.column?.columnName === undefined)) return undefined
  if (parent.table === undefined || shape.related.table === undefined) return undefined
  if (fact.kind === 'hasManyThrough') return throughSql(parent, shape, dialect)
  if (!isPreviewKind(fact.kind)) return undefined
  const plan = {
    model: parent.name,
    calls: [
      call('findOrFail', placeholder(parent.name, parent.primaryKey)),
      call('related', fact.name),
      call('query'),
    ],
  }
  try {
    const { statements, warnings } = await sketchPlan(graphOf(index), plan, dialect.dialect)
    const last = statements[statements.length - 1]
    return last && { sql: last.sql, warnings }
  } catch {
    // Lucid would throw here too (a missing key...): the card's findings say why.
    return undefined
  }
}

/**
 * `select "comments".*, "posts"."user_id" as "through_user_id" from "comments" inner join "posts"
 * on "posts"."id" = "comments"."post_id" where "posts"."user_id" = ?`
 */
function throughSql(parent: LucidModel, shape: RelationShape, dialect: SqlDialect): RelationSql | undefined {
  const column = (role: string) => shape.keys.find((key) => key.role === role)?.column?.columnName
  const foreignKey = column('foreignKey')
  const throughLocalKey = column('throughLocalKey')
  const throughForeignKey = column('throughForeignKey')
  const relatedTable = shape.related.table
  const throughTable = shape.through?.table
  if (!foreignKey || !throughLocalKey || !throughForeignKey || !relatedTable || !throughTable)
    return undefined
  const query = compilerFor(dialect.dialect)
    .select(`${relatedTable}.*`, `${throughTable}.${foreignKey} as through_${foreignKey}`)
    .from(relatedTable)
    .innerJoin(throughTable, `${throughTable}.${throughLocalKey}`, `${relatedTable}.${throughForeignKey}`)
    .where(`${throughTable}.${foreignKey}`, placeholder(parent.name, parent.primaryKey))
  return { sql: query.toSQL().toNative().sql, warnings: [] }
}
