// The executor of SQL-only previews, for an app without a reachable database: every statement is
// compiled exactly as Lucid compiles it and listed, but nothing is sent anywhere. Each select answers
// one placeholder row (`<User.id>` for every plain column), so the statements that need a row above
// them (a related query, a preload, the next page) are compiled too, with the placeholders as their
// values. The rows are never shown: only the statements are.
import type { ModelMeta } from '../query/model-registry'
import type { Row, StatementExecutor } from '../query/runtime'

export class SketchExecutor implements StatementExecutor {
  readonly sketch = true

  constructor(readonly client: StatementExecutor['client']) {}

  run(): Promise<{ rows: Row[]; truncated: boolean }> {
    return Promise.resolve({ rows: [], truncated: false })
  }
}

export function isSketch(executor: StatementExecutor): executor is SketchExecutor {
  return (executor as Partial<SketchExecutor>).sketch === true
}

/** `<User.id>`: what a value read from the database stands for in SQL-only previews. */
export function placeholder(model: string, attribute: string): string {
  return `<${model}.${attribute}>`
}

/**
 * A row of `model` whose plain columns hold placeholders. Date columns are left out: Lucid would
 * parse them, and no key is a date.
 */
export function placeholderRow(model: ModelMeta): Row {
  const row: Row = {}
  for (const column of model.info.columns)
    if (column.decorator === 'column') row[column.columnName] = placeholder(model.name, column.attribute)
  return row
}
