// `query().update(...)` and `query().delete()` on a model or relation query (dry runs only): the
// knex method is set first, so a relation query's constraint reports `Cannot update "posts", ...`
// like Lucid's `queryAction()`, then the query runs the way `exec()` would and resolves to Lucid's
// write result, `[affectedRows]`.
import { runtimeError } from '../query/errors'
import type { ModelQuery } from '../query/model-query'
import { RelatedQuery } from '../query/relation-query'
import { runWrite } from './write-statement'

export const QUERY_WRITES = new Set(['update', 'delete', 'del'])

export async function queryWrite(query: ModelQuery, method: string, args: unknown[]): Promise<number[]> {
  const [column, value, returning] = args
  if (returning !== undefined)
    throw runtimeError('".update" with returning columns is not supported in previews')
  if (method === 'update') {
    if (value === undefined) query.knexQuery.update(query.resolveKey(column, true) as Record<string, unknown>)
    else query.knexQuery.update(String(query.resolveKey(column)), value as string)
  } else {
    query.knexQuery.del()
  }
  if (query instanceof RelatedQuery) {
    query.applyConstraints()
    // As in the relation's exec(): outside preloads groupLimit/groupOrderBy become limit/order by.
    if (query.groupConstraints.limit) query.limit(query.groupConstraints.limit)
    const order = query.groupConstraints.orderBy
    if (order) query.orderBy(order.column, order.direction)
  }
  query.applyWhere()
  const { affectedRows } = await runWrite(query.runtime, query.knexQuery, method)
  return [affectedRows]
}
