// database/schema.ts as a schema: the classes Lucid 22 writes after every migration command, one per
// table of the connection (`export class UserSchema extends BaseModel { static $columns = [...] as
// const; @column({ isPrimary: true }) declare id: number ... }`). It is a snapshot of the database
// itself, so it knows every table and column, but not their exact names (see schema-file-names.ts),
// nor indexes, nor types beyond what a TypeScript type says.
import type * as TS from 'typescript'
import type { ColumnSchema, ColumnType, DatabaseSchema, TableSchema } from '../../../../engine/src/schema'
import { columnKey, schemaClassKey } from '../../../../engine/src/schema-file-names'
import {
  decoratorArgs,
  decoratorName,
  hasModifier,
  memberName,
  objectProperties,
  stringValue,
  type TsModule,
} from '../syntax'

export interface SchemaFileOptions {
  /** The file as the app names it (`database/schema.ts`), for messages. */
  label: string
  /** `schemaGeneration.excludeTables`: left out of the file; undefined when unreadable. */
  excludedTables?: readonly string[]
  /** Custom schema rules may skip columns or change types: then columns are not checked. */
  customRules: boolean
}

/** Undefined when the file holds no generated schema class (some other `schema.ts`). */
export function readSchemaFile(
  ts: TsModule,
  file: TS.SourceFile,
  options: SchemaFileOptions,
): DatabaseSchema | undefined {
  const tables = new Map<string, TableSchema>()
  for (const statement of file.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name || !isSchemaClass(ts, statement)) continue
    const table = readClass(ts, file, statement, options.customRules)
    tables.set(schemaClassKey(statement.name.text), table)
  }
  if (tables.size === 0) return undefined
  const notes: string[] = []
  const unchecked = new Map<string, string>()
  for (const name of options.excludedTables ?? [])
    unchecked.set(name, `${options.label} leaves it out (schemaGeneration.excludeTables)`)
  if (options.excludedTables === undefined)
    notes.push(
      `schemaGeneration.excludeTables cannot be read statically, so a table missing from ${options.label} is not reported.`,
    )
  if (options.customRules)
    notes.push(
      `schemaGeneration.rulesPaths may skip columns of ${options.label}, so its columns are not checked.`,
    )
  return {
    source: 'schema-file',
    file: options.label,
    tableNames: 'schema-file',
    tables,
    complete: options.excludedTables !== undefined,
    ...(unchecked.size > 0 ? { uncheckedTables: unchecked } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  }
}

/** A generated class: `class XSchema extends BaseModel` with a `static $columns` list. */
function isSchemaClass(ts: TsModule, cls: TS.ClassDeclaration): boolean {
  return (
    /Schema$/.test(cls.name?.text ?? '') &&
    cls.members.some(
      (m) =>
        ts.isPropertyDeclaration(m) &&
        hasModifier(ts, m, ts.SyntaxKind.StaticKeyword) &&
        memberName(ts, m.name) === '$columns',
    )
  )
}

function readClass(
  ts: TsModule,
  file: TS.SourceFile,
  cls: TS.ClassDeclaration,
  customRules: boolean,
): TableSchema {
  const columns = new Map<string, ColumnSchema>()
  for (const member of cls.members) {
    if (!ts.isPropertyDeclaration(member) || hasModifier(ts, member, ts.SyntaxKind.StaticKeyword)) continue
    const decorator = ts
      .getDecorators(member)
      ?.find((d) => (decoratorName(ts, d) ?? '').split('.')[0] === 'column')
    const property = memberName(ts, member.name)
    if (!decorator || property === undefined) continue
    const options = objectProperties(ts, decoratorArgs(ts, decorator)[0])
    const name = stringValue(ts, options.get('columnName')) ?? property
    const typeText = member.type?.getText(file) ?? 'any'
    const nullable = /\|\s*null\b/.test(typeText)
    const type = customRules ? 'unknown' : columnType(typeText.replace(/\|\s*null\b/, '').trim())
    columns.set(columnKey(name), {
      name,
      type,
      rawType: typeText,
      nullable,
      primary: options.get('isPrimary')?.kind === ts.SyntaxKind.TrueKeyword,
      increments: false,
    })
  }
  return {
    name: cls.name?.text ?? '',
    columns,
    indexes: [],
    foreignKeys: [],
    // Rules may leave columns out: a column missing from the class is then no evidence.
    complete: !customRules,
    columnNames: 'schema-file',
    indexesKnown: false,
  }
}

/**
 * Only the integer families can be told apart (`number`: integer types, `bigint | number`: bigint);
 * a `string` may be varchar, uuid, decimal or time, so everything else is unknown and never compared.
 */
function columnType(typeText: string): ColumnType {
  if (typeText === 'number') return 'integer'
  if (/^(bigint\s*\|\s*number|number\s*\|\s*bigint)$/.test(typeText)) return 'bigint'
  return 'unknown'
}
