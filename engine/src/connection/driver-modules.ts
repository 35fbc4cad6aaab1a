// knex and the PostgreSQL/MySQL drivers, each loaded on its first use. The bundle builds this
// module into a file of its own (server/out/database-drivers.js, see scripts/bundle.mjs), so that
// `lucid-lens check` and `graph`, which never read a database, neither compile nor initialise them.
// Code elsewhere reaches them through ./drivers, never by importing these packages directly.
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as KnexPackage from 'knex'
import type * as Mysql2Package from 'mysql2'
import type * as PgPackage from 'pg'

export function knexPackage(): typeof KnexPackage {
  return require('knex') as typeof KnexPackage
}

export function pgPackage(): typeof PgPackage {
  return require('pg') as typeof PgPackage
}

export function mysql2Package(): typeof Mysql2Package {
  return require('mysql2') as typeof Mysql2Package
}
