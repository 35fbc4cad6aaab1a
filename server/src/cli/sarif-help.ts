// What to do about each finding code, in a sentence or two: the help text SARIF viewers (GitHub code
// scanning) show beside a result. The titles live in analysis/codes.ts; this adds the remedy.

export const CODE_HELP: Readonly<Record<string, string>> = {
  LL101:
    'Use a property name of the model the key lives on (the `declare` field with `@column`), e.g. `authorId`: the related model for hasMany/hasOne, the declaring model for belongsTo, the through model (foreignKey) or the related model (throughForeignKey) for hasManyThrough.',
  LL102:
    'Use a property that carries `@column`, usually the primary key: of the declaring model (localKey), of the related model (belongsTo localKey, manyToMany relatedKey) or of the through model (throughLocalKey).',
  LL103:
    'Lucid keys are model property names, not database column names: write `customerId`, not `customer_id`.',
  LL104:
    'Add the column Lucid derives by default (`camelCase(ClassName + "_" + primaryKey)`, e.g. `orderId`; for belongsTo named after the related model, not the relation) where the key lives, or pass `foreignKey` explicitly.',
  LL105:
    "Make `static primaryKey` name a `@column` of the model, or pass the key explicitly (manyToMany's default `relatedKey` is the declaring model's primary key name).",
  LL106: 'Decorate the key property with `@column()` so Lucid maps it to a column.',
  LL107: 'Make the decorator callback and the declared `HasMany<typeof Model>` type name the same model.',
  LL108:
    'The callback must return a class that extends `BaseModel` (directly, through a base class or `compose`).',
  LL109:
    'Lucid matches keys with `===`: give both keys the same TypeScript type (both `number` or both `string`).',
  LL201:
    'Use a relation declared on the model (`@hasMany`, `@belongsTo`, ...); the message suggests the closest name.',
  LL301:
    'Guard the preload with `if (!query.isRelatedSubQuery)`: Lucid also runs `onQuery` for `has`/`whereHas` subqueries, where preload fails.',
  LL302:
    '`groupOrderBy` only orders rows within groups that `groupLimit` creates: add `groupLimit(n)` or use `orderBy`.',
  LL303:
    "Pass a direction: `groupOrderBy('column', 'desc')`; without one Lucid emits `ORDER BY column undefined`.",
  LL304:
    "`groupOrderBy` takes the database column name (`created_at`), not the model's attribute (`createdAt`).",
  LL305:
    'Pass the predicate (the column or columns that identify a row) as the first argument, or Lucid matches nothing and creates every row.',
  LL401: 'Set `static table` to the table the migrations create, or create the table in a migration.',
  LL402:
    'Point the key at a property whose column exists in the table (after `columnName`), or add the column in a migration.',
  LL403:
    'Give both key columns the same type in the migrations (e.g. `integer` for both, or `uuid` for both).',
  LL404:
    'On PostgreSQL bigint comes back as a string and uuid differs from varchar: give both key columns the same type.',
  LL405:
    'Add an index on the foreign key column (`table.index([column])`) so preloads do not scan the table. In the editor, the quick fix "Add a migration indexing <table>.<column>" writes that migration.',
  LL406: 'Add the column in a migration, drop the `@column` from the model, or set its `columnName`.',
  LL407:
    'Create the pivot table (or the column) in a migration, or name the existing one with `pivotTable` / `pivotColumns` (the default pivot table is `snakeCase` of the two class names, sorted, joined by `_`).',
  LL501:
    "Preload the relation in the rows' query (`.preload('posts')`, or `.withCount('posts')` for counts) instead of loading it row by row: one statement instead of one per row.",
  LL502:
    "Lucid never lazy-loads: preload the relation in the query (`.preload('author')`) or `await row.load('author')` before reading it.",
  LL503:
    'Drop the preload, or read the relation: it runs a query whose rows nothing uses. Off unless `lucidLens.diagnostics.severity` names LL503.',
  LL601:
    'Name an attribute of the model (`createdAt`) or a column of its table (`created_at`); the message suggests the closest one.',
  LL602:
    'Add a where clause that chooses the rows to change; to empty a table on purpose, `Model.truncate()` says so.',
  LL603:
    'Give the query the transaction: `Model.query({ client: trx })`, `Model.create(values, { client: trx })`, or `instance.useTransaction(trx)` before `related(...)`.',
}
