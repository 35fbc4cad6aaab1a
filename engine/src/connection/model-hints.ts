// A missing table or column is usually a model that disagrees with the database (a wrong `columnName`,
// `static table`, a migration not run). Names the model and property that map to it, so the user
// knows which declaration to fix.
import type { ModelGraph } from '../model-graph'
import type { PreviewError } from '../query/errors'
import { propertyNotColumn } from '../naming/property-column'
import { DatabaseError } from './database-errors'

/** Appends what the model graph knows about the missing name to the error's message (in place). */
export function explainWithModels<E extends PreviewError>(error: E, graph: ModelGraph): E {
  if (!(error instanceof DatabaseError)) return error
  const { table, column } = error.detail
  if (error.code === 'E_NO_SUCH_TABLE' && table) {
    const models = graph.models.filter((m) => m.table === table).map((m) => m.name)
    error.message +=
      models.length > 0
        ? ` It is the table of the model ${list(models)}: run the migrations or fix \`static table\`.`
        : ' No model of the app uses this table.'
  }
  if (error.code === 'E_NO_SUCH_COLUMN' && column) {
    const owners = graph.models
      .filter((m) => !table || m.table === table)
      .flatMap((m) => m.columns.filter((c) => c.columnName === column).map((c) => `${m.name}.${c.attribute}`))
    // A property name where SQL needs a column (groupOrderBy pastes its column unresolved).
    const properties = graph.models
      .filter((m) => !table || m.table === table)
      .flatMap((m) =>
        m.columns
          .filter((c) => c.attribute === column && c.columnName !== column)
          .map((c) => ({ name: `${m.name}.${c.attribute}`, columnName: c.columnName })),
      )
    const columnNames = new Set(properties.map((p) => p.columnName))
    const [columnName] = columnNames
    const named = properties.map((p) => p.name)
    error.message +=
      owners.length > 0
        ? ` It is the column of ${list(owners)}: run the migrations or fix the column name (\`columnName\`).`
        : columnNames.size === 1 && columnName !== undefined
          ? ` It is not a column: ${propertyNotColumn([...new Set(named)], columnName)}`
          : ' No model column maps to it: check the name used in the query.'
  }
  return error
}

function list(names: string[]): string {
  return names.length === 1 ? `"${names[0]}"` : names.map((n) => `"${n}"`).join(', ')
}
