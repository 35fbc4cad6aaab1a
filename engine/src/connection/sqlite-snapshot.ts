// A dry run never opens the user's SQLite file for writing: it writes to a private copy, taken at one
// instant and thrown away afterwards. Stopping the process that runs it at any point (a cancel, the
// time limit) then leaves the user's file, its -wal and its -journal as they were and never leaves a
// hot journal, since the only connection to the file was read-only.
// The copy is taken inside a read transaction, so no other connection commits in the middle of it:
// a rollback-journal file is copied byte for byte under SQLite's shared lock (no writer may change the
// file while it is held); a WAL file through SQLite's backup API, which also copies the transactions
// still in the -wal file that a byte copy of the main file would miss.
// Cost: one copy per dry run that writes (a read plan never copies), disk the size of the file in the
// scratch folder until the dry run ends, and the copy's time (bench figures in the README).
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { PreviewError } from '../query/errors'
import { openReadOnly } from './load-sqlite-driver'
import { sqliteError } from './sqlite-errors'
import { LockWait, type SqliteLimits } from './sqlite-lock-wait'

export interface SnapshotOptions extends SqliteLimits {
  /**
   * An existing folder for the copy, owned by the caller (a process that may be killed cannot clean
   * up after itself; whoever started it can). Without it a temporary folder is made and removed.
   */
  scratchDir?: string
}

export interface Snapshot {
  file: string
  /** Deletes the copy and whatever SQLite made beside it; never throws. */
  remove(): void
}

export async function snapshotSqlite(file: string, options: SnapshotOptions = {}): Promise<Snapshot> {
  const owned = options.scratchDir === undefined
  const dir = options.scratchDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-dry-run-'))
  const copy = path.join(dir, 'dry-run.sqlite3')
  const remove = () => {
    for (const name of owned ? [dir] : [copy, `${copy}-journal`, `${copy}-wal`, `${copy}-shm`])
      fs.rmSync(name, { recursive: true, force: true })
  }
  try {
    await copyAtOneInstant(file, copy, options)
  } catch (error) {
    remove()
    throw error
  }
  return { file: copy, remove }
}

async function copyAtOneInstant(file: string, copy: string, limits: SqliteLimits): Promise<void> {
  let source: ReturnType<typeof openReadOnly> | undefined
  try {
    const db = (source = openReadOnly(file))
    await new LockWait(file, limits).run(() => {
      if (!db.inTransaction) db.exec('BEGIN')
      // The first read takes the shared lock (or the WAL read mark) that the transaction then holds.
      db.prepare('select count(*) from sqlite_schema').get()
    })
    if (db.pragma('journal_mode', { simple: true }) === 'wal') await db.backup(copy)
    // A copy-on-write clone where the file system has them (btrfs, XFS, APFS): instant at any size.
    else fs.copyFileSync(file, copy, fs.constants.COPYFILE_FICLONE)
  } catch (error) {
    const failure = sqliteError(error, file)
    if (failure instanceof PreviewError) throw failure
    const reason = failure instanceof Error ? failure.message : String(failure)
    throw new PreviewError(
      `The dry run could not copy ${file} to ${copy} (${reason}). Dry runs write to a private copy, ` +
        `never to the database itself; free some space in ${path.dirname(copy)}.`,
      'E_RUNTIME_EXCEPTION',
    )
  } finally {
    // Closing ends the read transaction.
    source?.close()
  }
}
