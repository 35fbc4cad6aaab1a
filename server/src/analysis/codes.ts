// Every finding Lucid Lens reports, with a stable code. Codes never change meaning once released.

export type Severity = 'error' | 'warning' | 'information' | 'hint'

export interface FindingCodeInfo {
  code: string
  severity: Severity
  title: string
  /** Shown only when `lucidLens.diagnostics.severity` gives the code a severity. */
  offByDefault?: boolean
}

function code(code: string, severity: Severity, title: string, offByDefault = false): FindingCodeInfo {
  return offByDefault ? { code, severity, title, offByDefault } : { code, severity, title }
}

export const CODES = {
  unknownForeignKey: code(
    'LL101',
    'error',
    'foreignKey (or throughForeignKey) is not a column property of the model it must be on',
  ),
  unknownLocalKey: code(
    'LL102',
    'error',
    'localKey (or relatedKey, throughLocalKey) is not a column property of the model it must be on',
  ),
  columnNameAsKey: code('LL103', 'error', 'a database column name is used where Lucid wants a property name'),
  missingDefaultForeignKey: code(
    'LL104',
    'error',
    'the default foreign key does not exist on the model it must be on',
  ),
  missingDefaultLocalKey: code(
    'LL105',
    'error',
    'the default local key (a primary key name) does not exist on the model it must be on',
  ),
  keyWithoutColumn: code('LL106', 'error', 'the key is a property without a @column decorator'),
  relatedModelMismatch: code('LL107', 'error', 'the decorator model differs from the declared relation type'),
  relatedNotAModel: code('LL108', 'error', 'the related model callback does not return a Lucid model'),
  keyTypeMismatch: code(
    'LL109',
    'warning',
    'two keys Lucid matches with === have different TypeScript types',
  ),
  unknownRelation: code('LL201', 'error', 'unknown relation name'),
  unguardedPreloadInOnQuery: code(
    'LL301',
    'warning',
    'preload inside onQuery without an isRelatedSubQuery guard',
  ),
  groupOrderByWithoutGroupLimit: code(
    'LL302',
    'warning',
    'groupOrderBy without groupLimit has no per-group effect',
  ),
  groupOrderByWithoutDirection: code('LL303', 'error', 'groupOrderBy without a direction emits invalid SQL'),
  groupOrderByAttribute: code('LL304', 'error', 'groupOrderBy is given an attribute name, not a column name'),
  persistManyWithoutPredicate: code(
    'LL305',
    'warning',
    'fetchOrCreateMany/updateOrCreateMany without a predicate',
  ),
  schemaTableMissing: code('LL401', 'error', "the model's table does not exist in the schema"),
  schemaKeyColumnMissing: code('LL402', 'error', "a relation key's column does not exist in its table"),
  schemaKeyTypeMismatch: code('LL403', 'error', 'the two key columns have incompatible types'),
  schemaKeyTypeDrift: code(
    'LL404',
    'warning',
    'the key columns differ in a way that fails on PostgreSQL (integer vs bigint, uuid vs varchar)',
  ),
  schemaForeignKeyNotIndexed: code('LL405', 'hint', 'the column a preload filters on has no index'),
  schemaColumnMissing: code('LL406', 'warning', 'a @column of the model has no column in its table'),
  schemaPivotMissing: code(
    'LL407',
    'error',
    'a manyToMany pivot table, or a pivotColumns column, does not exist in the schema',
  ),
  nPlusOneInLoop: code('LL501', 'warning', 'a query per row inside a loop over fetched rows (N+1)'),
  relationNotLoaded: code(
    'LL502',
    'warning',
    'a relation is read on rows whose query did not preload it (Lucid does not lazy-load)',
  ),
  preloadNeverRead: code('LL503', 'hint', 'a preloaded relation is never read', true),
  unknownQueryColumn: code(
    'LL601',
    'error',
    'a query names a column that is neither an attribute of the model nor a column of its table',
  ),
  writeWithoutWhere: code('LL602', 'warning', 'update or delete on a model query without any where clause'),
  queryOutsideTransaction: code(
    'LL603',
    'warning',
    'a query inside db.transaction() does not use the transaction',
  ),
} as const

/** The codes of the checks that compare models with the database schema (settings turn them off). */
export const SCHEMA_CODES: readonly string[] = ['LL401', 'LL402', 'LL403', 'LL404', 'LL405', 'LL406', 'LL407']

export type FindingKind = keyof typeof CODES

export const ALL_CODES: FindingCodeInfo[] = Object.values(CODES)

/** The codes shown only when a severity setting names them (LL503). */
export const OFF_BY_DEFAULT_CODES: readonly string[] = ALL_CODES.filter((c) => c.offByDefault).map(
  (c) => c.code,
)
const OFF_BY_DEFAULT = new Set(OFF_BY_DEFAULT_CODES)

/** Hints nobody asked for (LL503): shown only when a severity setting names the code. */
export function isOffByDefault(code: string): boolean {
  return OFF_BY_DEFAULT.has(code)
}
