// An in-memory app for the migration reader tests: files under /app, one TypeScript program, no disk.
import ts from 'typescript'
import type { DatabaseSchema } from '../../engine/src/schema'
import { migrationSchema } from '../../server/src/analysis'

export const ROOT = '/app'

export function programOf(files: Record<string, string>): ts.Program {
  const options: ts.CompilerOptions = { noLib: true, noEmit: true, types: [], experimentalDecorators: true }
  const texts = new Map(Object.entries(files).map(([name, text]) => [`${ROOT}/${name}`, text]))
  const host: ts.CompilerHost = {
    getSourceFile: (name, target) => {
      const text = texts.get(name)
      return text === undefined ? undefined : ts.createSourceFile(name, text, target, true)
    },
    getDefaultLibFileName: () => '/lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => ROOT,
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => texts.has(f),
    readFile: (f) => texts.get(f),
  }
  return ts.createProgram([...texts.keys()], options, host)
}

/** The schema the migrations of these files build. */
export function schemaOf(files: Record<string, string>): DatabaseSchema | undefined {
  return migrationSchema(ts, programOf(files), ROOT)
}

/** A v6 migration file whose `up()` holds the given body. */
export function migration(up: string, extra = ''): string {
  return `import { BaseSchema } from '@adonisjs/lucid/schema'
${extra}
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
${up}
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
`
}

/** One migration that creates `name` with the given callback body. */
export function createTable(name: string, body: string): Record<string, string> {
  return {
    'database/migrations/1_create.ts': migration(
      `this.schema.createTable('${name}', (table) => {\n${body}\n})`,
    ),
  }
}

/** `name: type nullable? primary? increments?` per column, for compact assertions. */
export function columnsOf(schema: DatabaseSchema | undefined, table: string): string[] {
  const found = schema?.tables.get(table)
  if (!found) return []
  return [...found.columns.values()].map(
    (c) =>
      `${c.name}: ${c.type} (${c.rawType})${c.nullable ? ' null' : ''}${c.primary ? ' pk' : ''}` +
      `${c.increments ? ' auto' : ''}`,
  )
}

/** `[a,b] unique` per index, in order. */
export function indexesOf(schema: DatabaseSchema | undefined, table: string): string[] {
  const found = schema?.tables.get(table)
  return (found?.indexes ?? []).map(
    (i) => `[${i.columns.join(',')}]${i.primary ? ' primary' : i.unique ? ' unique' : ''}`,
  )
}
