// The `row_number()` window of Lucid's `getGroupLimitQuery`, one builder for every relation kind.
// Lucid 21 pastes the partition column, the order column and the direction into the SQL text;
// Lucid 22 passes both columns as knex `??` bindings (quoted per dialect) and pastes only the
// direction (lucid-hasmany.md 4.3). Whatever is pasted must be a plain column name or asc/desc.
import type { Knex } from 'knex'
import type { Runtime } from './runtime'
import { columnReference, orderDirection } from './sql-text'

export const GROUP_LIMIT_ROW = 'adonis_group_limit_counter'

export interface GroupOrder {
  column: unknown
  direction: unknown
}

/**
 * `order` is the user's `groupOrderBy` (its column is not resolved, and a missing direction prints
 * `undefined`, gotcha G3), or Lucid's default: the related primary key, descending.
 */
export function groupLimitWindow(
  runtime: Runtime,
  partitionBy: string,
  order: GroupOrder | undefined,
  defaultColumn: string,
): Knex.Raw {
  const column = order ? columnReference(order.column, '".groupOrderBy" column') : defaultColumn
  const direction = order ? orderDirection(order.direction, '".groupOrderBy" direction') : 'desc'
  if (runtime.registry.generation === 'v7') {
    return runtime.knex.raw(
      `row_number() over (PARTITION BY ?? ORDER BY ?? ${direction}) as ${GROUP_LIMIT_ROW}`,
      [partitionBy, column],
    )
  }
  const partition = columnReference(partitionBy, 'The groupLimit partition column')
  const ordered = columnReference(column, 'The groupLimit order column')
  return runtime.knex.raw(
    `row_number() over (PARTITION BY ${partition} ORDER BY ${ordered} ${direction}) as ${GROUP_LIMIT_ROW}`,
  )
}
