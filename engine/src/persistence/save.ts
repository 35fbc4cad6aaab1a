// Lucid's `model.save()` and `model.delete()` with the adapter behind them (orm/adapter): an insert
// of every attribute (after auto timestamps) that reads the new primary key back (`returning` where
// the dialect supports it, else the driver's last insert id), or an update of the dirty attributes
// only, keyed by the primary key. Hooks are not run: the model graph does not describe them.
import type { ModelInstance } from '../query/model-instance'
import type { Runtime } from '../query/runtime'
import { dirtyAttributes, isPersisted, markPersisted, setAttribute } from './instance-state'
import { prepareForAdapter, touchTimestamps, writeDialect, type WriteDialect } from './prepare'
import { runWrite } from './write-statement'

export function dialectOf(runtime: Runtime): WriteDialect {
  return writeDialect(String((runtime.knex.client as { config: { client?: unknown } }).config.client))
}

export async function save(
  runtime: Runtime,
  instance: ModelInstance,
  method = 'save',
): Promise<ModelInstance> {
  const dialect = dialectOf(runtime)
  const model = instance.model
  const primaryKeyColumn = model.resolveKey(model.primaryKey)
  if (!isPersisted(instance)) {
    touchTimestamps(instance, 'insert', runtime.now())
    const insert = runtime.knex
      .insert(prepareForAdapter(model, instance.attributes, dialect))
      .into(model.table)
    if (dialect.returning) insert.returning(primaryKeyColumn)
    const result = await runWrite(runtime, insert, method)
    // The adapter's `result[0]`: a returned row, or the bare id knex makes of the last insert id.
    const first = dialect.returning ? result.rows[0] : result.insertId
    if (first && typeof first === 'object') consumeAdapterResult(instance, first)
    else if (first) consumeAdapterResult(instance, { [primaryKeyColumn]: first })
    markPersisted(instance)
    return instance
  }
  if (dirtyAttributes(instance).size === 0) return instance
  touchTimestamps(instance, 'update', runtime.now())
  const payload = prepareForAdapter(model, dirtyAttributes(instance), dialect)
  if (Object.keys(payload).length > 0) {
    const query = runtime.factory
      .modelQuery(model)
      .where(primaryKeyColumn, instance.attributes.get(model.primaryKey))
    query.knexQuery.update(query.resolveKey(payload, true) as Record<string, unknown>)
    query.applyWhere()
    await runWrite(runtime, query.knexQuery, method)
  }
  markPersisted(instance)
  return instance
}

/** `model.delete()`: `delete from <table> where <pk> = ?`. */
export async function deleteInstance(runtime: Runtime, instance: ModelInstance): Promise<void> {
  const model = instance.model
  const query = runtime.factory
    .modelQuery(model)
    .where(model.resolveKey(model.primaryKey), instance.attributes.get(model.primaryKey))
  query.knexQuery.del()
  query.applyWhere()
  await runWrite(runtime, query.knexQuery, 'delete')
}

/** `$consumeAdapterResult` for insert results: known columns become attributes, the rest extras. */
function consumeAdapterResult(instance: ModelInstance, row: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(row)) {
    const column = instance.model.columnForResultKey(key)
    if (column) setAttribute(instance, column.attribute, value)
    else if (!instance.model.hasRelation(key)) instance.extras[key] = value
  }
}
