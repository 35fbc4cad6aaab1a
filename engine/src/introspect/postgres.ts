// Reads a PostgreSQL schema from pg_catalog through the preview executor, so the same guarantees hold:
// one `BEGIN READ ONLY` transaction that is always rolled back, a server-side statement timeout.
// A table on the search_path is known by its bare name (what Lucid's unqualified names resolve to;
// of two with the same name the first schema's wins, as it does for the app); any other table by its
// qualified name (`audit.logs`), for models with such a `static table`.
import type { Row, StatementExecutor } from '../query/runtime'
import { normalizeColumnType, type ColumnType, type DatabaseSchema } from '../schema'
import { assembleSchema, EXPRESSION, type CatalogRows } from './assemble'

/** A catalog is never huge, but the executor wants a cap: far above any real schema. */
const ROW_CAP = 1_000_000

const RELATIONS = `with rel as (
  select c.oid, c.relname, n.nspname, array_position(current_schemas(false), n.nspname) as position
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p', 'v', 'm', 'f')
    and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
)`

const TABLES = `${RELATIONS}
select oid::text as oid, relname as name, nspname as schema, position is not null as visible
from rel order by position nulls last, nspname, relname`

// A domain is compared by its base type; `typtype` tells enums and arrays apart from their names.
const COLUMNS = `${RELATIONS}
select a.attrelid::text as oid, a.attname as name, format_type(a.atttypid, a.atttypmod) as raw_type,
  t.typtype as type_kind, t.typcategory as category,
  case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod) end as base_type,
  not a.attnotnull as nullable, a.attidentity <> '' or coalesce(pg_get_expr(d.adbin, d.adrelid), '') like 'nextval(%' as increments
from pg_attribute a
join rel on rel.oid = a.attrelid
join pg_type t on t.oid = a.atttypid
left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
where a.attnum > 0 and not a.attisdropped
order by a.attrelid, a.attnum`

// Only key columns (not INCLUDE columns); an expression's position holds attnum 0.
const INDEXES = `${RELATIONS}
select ix.indrelid::text as oid, i.relname as name, ix.indisunique as unique, ix.indisprimary as primary,
  array(
    select coalesce(a.attname::text, '${EXPRESSION}')
    from unnest(ix.indkey::int2[]) with ordinality k(num, ord)
    left join pg_attribute a on a.attrelid = ix.indrelid and a.attnum = k.num
    where k.ord <= ix.indnkeyatts order by k.ord
  )::text[] as columns
from pg_index ix join rel on rel.oid = ix.indrelid join pg_class i on i.oid = ix.indexrelid
order by ix.indrelid, i.relname`

const FOREIGN_KEYS = `${RELATIONS}
select con.conrelid::text as oid, con.confrelid::text as referenced_oid, f.relname as referenced_table,
  array(
    select a.attname::text from unnest(con.conkey) with ordinality k(num, ord)
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord
  )::text[] as columns,
  array(
    select a.attname::text from unnest(con.confkey) with ordinality k(num, ord)
    join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord
  )::text[] as references
from pg_constraint con join rel on rel.oid = con.conrelid join pg_class f on f.oid = con.confrelid
where con.contype = 'f'
order by con.conrelid, con.conname`

export async function readPostgresSchema(executor: StatementExecutor): Promise<DatabaseSchema> {
  const select = async (sql: string): Promise<Row[]> => (await executor.run(sql, [], ROW_CAP)).rows
  // Relations are keyed by oid, named bare when visible through the search_path, else qualified.
  const names = new Map<string, string>()
  const bare = new Set<string>()
  for (const row of await select(TABLES)) {
    const name = String(row['name'])
    const visible = row['visible'] === true && !bare.has(name)
    if (visible) bare.add(name)
    names.set(String(row['oid']), visible ? name : `${String(row['schema'])}.${name}`)
  }
  const rows: CatalogRows = { tables: [...names.values()], columns: [], indexes: [], foreignKeys: [] }
  for (const row of await select(COLUMNS)) {
    const table = names.get(String(row['oid']))
    if (table === undefined) continue
    const rawType = String(row['raw_type'])
    const type = familyOverride(row)
    rows.columns.push({
      table,
      name: String(row['name']),
      rawType: row['base_type'] ? `${rawType} (${String(row['base_type'])})` : rawType,
      ...(type ? { type } : {}),
      nullable: row['nullable'] === true,
      increments: row['increments'] === true,
    })
  }
  for (const row of await select(INDEXES)) {
    const table = names.get(String(row['oid']))
    if (table === undefined) continue
    rows.indexes.push({
      table,
      name: String(row['name']),
      columns: row['columns'] as string[],
      unique: row['unique'] === true,
      primary: row['primary'] === true,
    })
  }
  for (const row of await select(FOREIGN_KEYS)) {
    const table = names.get(String(row['oid']))
    if (table === undefined) continue
    rows.foreignKeys.push({
      table,
      columns: row['columns'] as string[],
      referencedTable: names.get(String(row['referenced_oid'])) ?? String(row['referenced_table']),
      references: row['references'] as string[],
    })
  }
  return assembleSchema('postgres', rows)
}

/**
 * Where the type's name alone would mislead: `integer[]` is no integer, an enum and a domain have
 * names of their own (a domain compares as its base type).
 */
function familyOverride(row: Row): ColumnType | undefined {
  if (row['category'] === 'A') return 'unknown'
  if (row['type_kind'] === 'e') return 'enum'
  if (row['type_kind'] === 'd' && typeof row['base_type'] === 'string')
    return normalizeColumnType(row['base_type'])
  return undefined
}
