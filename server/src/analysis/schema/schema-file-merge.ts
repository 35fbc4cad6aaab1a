// database/schema.ts is rewritten by migration commands, but a committed copy can be older than the
// migrations beside it (a migration added later, the file not regenerated or not committed). What
// the migrations create and the file lacks is then taken from the migrations: their tables are
// checked against the migrations, and their columns count as present. The migrations also give the
// indexes the file does not list, for the tables both describe.
import type { DatabaseSchema, TableSchema } from '../../../../engine/src/schema'
import { columnKey, tableKeys } from '../../../../engine/src/schema-file-names'

/** Changes `file` (a schema read from database/schema.ts); `migrations` is only read. */
export function mergeMigrations(file: DatabaseSchema, migrations: DatabaseSchema): void {
  const unchecked = new Map(file.uncheckedTables ?? [])
  const newer: string[] = []
  for (const table of migrations.tables.values()) {
    const own = fileTable(file, table.name)
    if (!own) {
      unchecked.set(
        table.name,
        `the migrations create it but ${file.file ?? 'database/schema.ts'} does not list it`,
      )
      newer.push(table.name)
      continue
    }
    // Created twice by the migrations: the file says which definition the database has.
    if (migrations.uncheckedTables?.has(table.name)) continue
    const keyed = new Map<string, string[]>()
    for (const column of table.columns.values())
      keyed.set(columnKey(column.name), [...(keyed.get(columnKey(column.name)) ?? []), column.name])
    for (const column of table.columns.values()) {
      const key = columnKey(column.name)
      const listed = own.columns.get(key)
      if (!listed) {
        own.newerColumns ??= new Map()
        own.newerColumns.set(column.name, { ...column })
        continue
      }
      // The file names columns by property (`last4` for last4 and last_4); one migration column with
      // that key is its exact name. Types too: the file's TypeScript types tell few of them apart.
      if (table.complete && migrations.complete && keyed.get(key)?.length === 1) {
        listed.name = column.name
        own.exactNames ??= new Set()
        own.exactNames.add(key)
        if (listed.type === 'unknown')
          own.columns.set(key, { ...listed, type: column.type, rawType: column.rawType })
      }
    }
    // A table something unreadable touched may have indexes the replay cannot see.
    if (table.complete && migrations.complete) {
      own.indexes = table.indexes.map((index) => ({ ...index, columns: [...index.columns] }))
      own.foreignKeys = table.foreignKeys.map((fk) => ({ ...fk, columns: [...fk.columns] }))
      own.indexesKnown = true
    }
  }
  if (newer.length > 0) {
    file.fallback = migrations
    const list = newer.map((t) => `"${t}"`)
    const shown =
      list.length > 5 ? `${list.slice(0, 5).join(', ')} and ${list.length - 5} more` : list.join(', ')
    file.notes = [
      ...(file.notes ?? []),
      `${file.file ?? 'database/schema.ts'} is older than the migrations (they create ${shown}, which it does ` +
        'not list): those tables are checked against the migrations, and columns the migrations add count ' +
        'as present. Run node ace migration:run to regenerate it.',
    ]
  }
}

function fileTable(file: DatabaseSchema, name: string): TableSchema | undefined {
  for (const key of tableKeys(name)) {
    const table = file.tables.get(key)
    if (table) return table
  }
  return undefined
}
