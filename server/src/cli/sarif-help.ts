// What to do about each finding code, in a sentence or two: the help text SARIF viewers (GitHub code
// scanning) show beside a result. The titles live in analysis/codes.ts; this adds the remedy.

export const CODE_HELP: Readonly<Record<string, string>> = {
  LL101:
    "Use the related model's property name (the `declare` field with `@column`), e.g. `authorId`, not a name it does not have.",
  LL102: 'Use a property of the parent model that carries `@column`, usually its primary key.',
  LL103:
    'Lucid keys are model property names, not database column names: write `customerId`, not `customer_id`.',
  LL104:
    'Add the column Lucid derives by default (`camelCase(Parent + "_" + primaryKey)`, e.g. `orderId`) to the related model, or pass `foreignKey` explicitly.',
  LL105: 'Make `static primaryKey` name a `@column` of the model, or pass `localKey` explicitly.',
  LL106: 'Decorate the key property with `@column()` so Lucid maps it to a column.',
  LL107: 'Make the decorator callback and the declared `HasMany<typeof Model>` type name the same model.',
  LL108:
    'The callback must return a class that extends `BaseModel` (directly, through a base class or `compose`).',
  LL109:
    'Lucid matches keys with `===`: give `localKey` and `foreignKey` the same TypeScript type (both `number` or both `string`).',
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
    'Add an index on the foreign key column (`table.index([column])`) so preloads do not scan the table.',
  LL406: 'Add the column in a migration, drop the `@column` from the model, or set its `columnName`.',
  LL601:
    'Name an attribute of the model (`createdAt`) or a column of its table (`created_at`); the message suggests the closest one.',
  LL602:
    'Add a where clause that chooses the rows to change; to empty a table on purpose, `Model.truncate()` says so.',
  LL603:
    'Give the query the transaction: `Model.query({ client: trx })`, `Model.create(values, { client: trx })`, or `instance.useTransaction(trx)` before `related(...)`.',
}
