// Differential test of the migrations reader: the same migration files are run by knex against a
// real SQLite database, and the tables, columns, nullability and index coverage SQLite reports must
// be what the reader derived statically.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import Database from 'better-sqlite3'
import knexFactory, { type Knex } from 'knex'
import ts from 'typescript'
import { isIndexed, type DatabaseSchema } from '../../engine/src/schema'
import { ProjectService } from '../../server/src/project/project-service'
import { fixture, repoRoot } from '../support/paths'

/** Runs every migration's `up()` in file-name order, with `this.schema` backed by knex, as Lucid does. */
async function migrate(appRoot: string, file: string): Promise<void> {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  })
  try {
    const dir = path.join(appRoot, 'database', 'migrations')
    const names = fs.readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    for (const name of names) {
      const Migration = load(path.join(dir, name), knex)
      const migration = new Migration()
      await migration.up()
      await migration.schema
    }
  } finally {
    await knex.destroy()
  }
}

type MigrationClass = new () => { up(): Promise<void>; schema: Knex.SchemaBuilder }

function load(file: string, knex: Knex): MigrationClass {
  class BaseSchema {
    schema = knex.schema
  }
  const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  })
  const module = { exports: {} as { default?: MigrationClass } }
  // Migrations import Lucid's BaseSchema and nothing else.
  const localRequire = (id: string) => {
    if (id === '@adonisjs/lucid/schema') return { BaseSchema }
    throw new Error(`${path.basename(file)} imports ${id}`)
  }
  new Function('module', 'exports', 'require', outputText)(module, module.exports, localRequire)
  return module.exports.default as MigrationClass
}

interface Observed {
  tables: string[]
  columns: Record<string, string[]>
}

/** `name null? indexed?` per column, from SQLite's own catalog. */
function observe(file: string, only: (table: string) => boolean): Observed {
  const db = new Database(file, { readonly: true })
  try {
    const tables = (
      db
        .prepare(
          `select name from sqlite_master where type in ('table', 'view') and name not like 'sqlite_%'`,
        )
        .all() as { name: string }[]
    ).map((t) => t.name)
    const columns: Record<string, string[]> = {}
    for (const table of tables.filter(only)) {
      const info = db.prepare('select name, "notnull", pk from pragma_table_info(?)').all(table) as {
        name: string
        notnull: number
        pk: number
      }[]
      const firsts = new Set<string>()
      for (const index of db.prepare('select name from pragma_index_list(?)').all(table) as {
        name: string
      }[]) {
        const first = db.prepare('select name from pragma_index_info(?) where seqno = 0').get(index.name) as
          { name: string } | undefined
        if (first) firsts.add(first.name)
      }
      // A single-column INTEGER PRIMARY KEY is the rowid: no index entry, but the fastest lookup.
      const rowid = info.filter((c) => c.pk > 0).length === 1 ? info.find((c) => c.pk > 0)?.name : undefined
      columns[table] = info.map(
        (c) =>
          // SQLite lets non-integer primary keys hold NULL; other databases do not: not compared.
          `${c.name}${c.notnull === 0 && c.pk === 0 ? ' null' : ''}${firsts.has(c.name) || c.name === rowid ? ' indexed' : ''}`,
      )
    }
    return { tables: tables.sort(), columns }
  } finally {
    db.close()
  }
}

function derive(schema: DatabaseSchema, only: (table: string) => boolean): Observed {
  const columns: Record<string, string[]> = {}
  for (const table of [...schema.tables.values()].filter((t) => only(t.name))) {
    columns[table.name] = [...table.columns.values()].map(
      (c) =>
        `${c.name}${c.nullable && !c.primary ? ' null' : ''}${isIndexed(table, c.name, 'sqlite') ? ' indexed' : ''}`,
    )
  }
  return { tables: [...schema.tables.keys()].sort(), columns }
}

for (const [label, root] of [
  ['test/fixtures/schema-app', fixture('schema-app')],
  ['examples/blog', path.join(repoRoot, 'examples', 'blog')],
] as const) {
  test(`${label}: the schema read from the migrations is what SQLite builds from them`, async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-migrate-'))
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'db.sqlite3')
    await migrate(root, file)
    const project = new ProjectService(ts).discover(root)[0]
    const schema = project?.schema()
    assert.ok(schema, 'the app has migrations')
    // Tables the reader could not follow (columns made in a loop, a raw view) are compared by name only.
    const complete = (name: string) => schema.tables.get(name)?.complete === true
    const expected = observe(file, complete)
    assert.deepEqual(derive(schema, complete), expected)
    assert.ok(Object.keys(expected.columns).length >= 6, 'most tables are compared column by column')
  })
}
