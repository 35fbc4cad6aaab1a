// `this.schema.raw('...')` and `db.rawQuery('...')` in a migration: the DDL statements whose effect
// on tables we can name. A statement we cannot place makes the whole schema uncertain.
import type { SchemaOp } from './migration-ops'

const NAME = String.raw`((?:[\w$]+|"[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\])(?:\.(?:[\w$]+|"[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]))*)`
const IF_NOT_EXISTS = String.raw`(?:if\s+not\s+exists\s+)?`
const IF_EXISTS = String.raw`(?:if\s+exists\s+)?`

const CREATE_TABLE = new RegExp(
  String.raw`^create\s+(?:or\s+replace\s+)?(?:(?:global\s+|local\s+)?(?:temp|temporary|unlogged)\s+)?(?:materialized\s+)?(table|view)\s+${IF_NOT_EXISTS}${NAME}`,
  'i',
)
const RENAME_TABLE = new RegExp(
  String.raw`^alter\s+table\s+${IF_EXISTS}(?:only\s+)?${NAME}\s+rename\s+to\s+${NAME}\s*$`,
  'i',
)
const ALTER_TABLE = new RegExp(String.raw`^alter\s+table\s+${IF_EXISTS}(?:only\s+)?${NAME}`, 'i')
const CREATE_INDEX = new RegExp(
  String.raw`^create\s+(unique\s+)?index\s+(?:concurrently\s+)?${IF_NOT_EXISTS}(?:${NAME}\s+)?on\s+(?:only\s+)?${NAME}\s*(?:using\s+\w+\s*)?\(([^()]*)\)\s*$`,
  'i',
)
const DROP_TABLE = new RegExp(
  String.raw`^drop\s+(?:materialized\s+)?(?:table|view)\s+${IF_EXISTS}${NAME}`,
  'i',
)
/** DDL that cannot add, drop or rename a table or column (indexes we cannot read only add lookups). */
const HARMLESS =
  /^(create|drop|alter)\s+(or\s+replace\s+)?(unique\s+)?(extension|type|function|procedure|trigger|sequence|index|schema|policy|role|domain)\b/i
const DDL = /^(create|alter|drop|rename|truncate)\b/i

export function rawSqlOps(sql: string): SchemaOp[] {
  const ops: SchemaOp[] = []
  for (const raw of withoutComments(sql).split(';')) {
    const statement = raw.trim().replace(/\s+/g, ' ')
    if (statement === '') continue
    ops.push(...statementOps(statement))
  }
  return ops
}

function statementOps(statement: string): SchemaOp[] {
  let match = CREATE_TABLE.exec(statement)
  if (match?.[2]) return [{ kind: 'opaqueTable', table: identifier(match[2]), created: true }]
  match = RENAME_TABLE.exec(statement)
  if (match?.[1] && match[2])
    return [{ kind: 'renameTable', from: identifier(match[1]), to: identifier(match[2]) }]
  match = ALTER_TABLE.exec(statement)
  if (match?.[1]) return [{ kind: 'opaqueTable', table: identifier(match[1]), created: false }]
  match = CREATE_INDEX.exec(statement)
  if (match?.[3] && match[4] !== undefined) {
    const columns = match[4].split(',').map((c) => c.trim())
    const table = identifier(match[3])
    if (columns.every((c) => /^("[^"]+"|\x60[^\x60]+\x60|[\w$]+)$/.test(c))) {
      const index = {
        kind: 'addIndex' as const,
        columns: columns.map(identifier),
        unique: !!match[1],
        primary: false,
      }
      return [{ kind: 'alterTable', table, body: { ops: [index], complete: true } }]
    }
    // An expression or partial index: it exists, but we cannot say which lookups it serves.
    return []
  }
  match = DROP_TABLE.exec(statement)
  if (match?.[1]) return [{ kind: 'dropTable', table: identifier(match[1]) }]
  if (HARMLESS.test(statement) || !DDL.test(statement)) return []
  return [{ kind: 'unknown', reason: `raw SQL "${statement.slice(0, 60)}"` }]
}

/** The last part of `schema.table`, unquoted; unquoted names fold to lower case as in PostgreSQL. */
function identifier(text: string): string {
  const last = text.match(/("[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]|[^.]+)$/)?.[1] ?? text
  return /^["\x60[]/.test(last) ? last.slice(1, -1) : last.toLowerCase()
}

function withoutComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ')
}
