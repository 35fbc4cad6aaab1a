// A SQLite file with one large table, for dry runs long enough to be stopped in the middle: the model
// graph of `BigRow`, the file's fingerprint (every file of its folder with its sha256), and a WAL-mode
// variant whose last transactions stay in the -wal file, held open by a connection like a running app.
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { ModelGraph } from '../../../engine/src/model-graph'

export const BIG_GRAPH: ModelGraph = {
  generation: 'v7',
  models: [
    {
      name: 'BigRow',
      table: 'big_rows',
      tableIsExplicit: false,
      primaryKey: 'id',
      namingStrategy: 'snake',
      relations: [],
      isAbstract: false,
      columns: ['id', 'label'].map((name) => ({
        attribute: name,
        columnName: name,
        isPrimary: name === 'id',
        serializeAs: name,
        decorator: 'column' as const,
        declaredBy: 'BigRow',
      })),
    },
  ],
}

/**
 * Creates `file` with `rows` rows; `wal` keeps the database in WAL mode. Each row carries a 100-byte
 * `note` no model declares, so an update of every row dirties more pages than SQLite's cache holds
 * and a writer spills them to the file (or the -wal) before it commits, as on a real large table.
 */
export function createBigTable(file: string, rows: number, wal = false): void {
  const db = new Database(file)
  if (wal) db.pragma('journal_mode = WAL')
  db.exec('create table big_rows (id integer primary key, label varchar(255), note text)')
  db.prepare(
    `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
     insert into big_rows (label, note) select 'row ' || i, printf('%.100c', '.') from n`,
  ).run(rows)
  db.close()
}

/**
 * A connection that keeps `rows` more rows in the -wal file (never checkpointed while it is open),
 * as a running app would; a dry run's copy must include them.
 */
export function holdWalRows(file: string, rows: number): Database.Database {
  const db = new Database(file)
  db.pragma('wal_autocheckpoint = 0')
  db.prepare(
    `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
     insert into big_rows (label) select 'wal ' || i from n`,
  ).run(rows)
  return db
}

/**
 * Every file beside the database with its sha256, but the -shm file: SQLite's shared-memory index of
 * a WAL database, in which every reader (the sqlite3 shell too) records where it reads.
 */
export function fingerprint(file: string): Record<string, string> {
  const dir = path.dirname(file)
  const files: Record<string, string> = {}
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.endsWith('-shm')) continue
    files[name] = createHash('sha256')
      .update(fs.readFileSync(path.join(dir, name)))
      .digest('hex')
  }
  return files
}
