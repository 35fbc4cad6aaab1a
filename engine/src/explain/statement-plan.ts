// Builds a statement's plan from what each database returned to its EXPLAIN, and runs the EXPLAIN of
// a SQLite statement (both SQLite executors share it: the read-only one and the dry run's copy).
import type Database from 'better-sqlite3'
import { formatBindings } from '../connection/sqlite-executor'
import { explainStatement, modeNotes } from './explain-statement'
import { mysqlPlan } from './mysql-plan'
import type { ExplainMode, StatementPlan } from './plan-tree'
import { postgresPlan } from './postgres-plan'
import { sqlitePlan, type SqlitePlanRow } from './sqlite-plan'

/** The one row of PostgreSQL's `EXPLAIN (FORMAT JSON)`: its `QUERY PLAN` column. */
export function postgresStatementPlan(
  row: Record<string, unknown> | undefined,
  mode: ExplainMode,
): StatementPlan {
  return {
    dialect: 'postgres',
    analyzed: mode === 'analyze',
    nodes: postgresPlan(row?.['QUERY PLAN']),
    notes: modeNotes('postgres', mode),
  }
}

/** The one row of MySQL's/MariaDB's JSON plan: its only column (`EXPLAIN`, or `ANALYZE` on MariaDB). */
export function mysqlStatementPlan(
  row: Record<string, unknown> | undefined,
  mode: ExplainMode,
  mariadb: boolean,
): StatementPlan {
  const dialect = mariadb ? 'mariadb' : 'mysql'
  return {
    dialect,
    analyzed: mode === 'analyze' && mariadb,
    nodes: mysqlPlan(row ? Object.values(row)[0] : undefined),
    notes: modeNotes(dialect, mode),
  }
}

/** Runs SQLite's `EXPLAIN QUERY PLAN` of `sql`, the read statement `ran` last on `db`. */
export function explainOnSqlite(
  db: Database.Database,
  sql: string,
  bindings: readonly unknown[],
  mode: ExplainMode,
  ran: string | undefined,
): StatementPlan {
  const text = explainStatement('sqlite', mode, sql, ran)
  const rows = db.prepare(text).all(formatBindings(bindings)) as SqlitePlanRow[]
  return {
    dialect: 'sqlite',
    analyzed: false,
    nodes: sqlitePlan(rows, sql),
    notes: modeNotes('sqlite', mode),
  }
}
