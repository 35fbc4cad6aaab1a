// The live development database of one app as a schema source for the editor. Reads run in the
// background and never block a request: until the first read finishes, and whenever the database
// cannot be read, the project falls back to its migrations. A read that changes nothing changes
// nothing downstream (same fingerprint: no refresh); a problem is logged once, not per request.
import * as path from 'node:path'
import { introspectDatabase, schemaFingerprint, sqliteSchemaVersion } from '../../../engine/src/introspect'
import type { DatabaseSchema } from '../../../engine/src/schema'
import type { LiveSchemaFactory, LiveSchemaSource } from '../project/live-schema-source'
import type { DatabaseSettings } from '../settings'
import { databaseTarget, type TargetSettings } from './database-target'
import { isDatabaseFile, type SchemaTarget } from './schema-target'

export interface LiveSchemaOptions {
  rootDir: string
  /** Which database (lucidLens.database.*; `auto`: config/database.ts + .env). */
  target: TargetSettings
  /** The password from the client's secret storage; it wins over .env. */
  password?: string
  /** Seconds between re-reads of a server database (SQLite is re-read when its file changes); 0: off. */
  refreshSeconds: number
  log(line: string): void
  /** The schema in use changed: a new read, or a fall back to the migrations. */
  changed(): void
}

/** A server that does not answer in time counts as unreachable; the editor must not wait long. */
const SERVER_TIMEOUT_MS = 5_000

export class LiveSchema implements LiveSchemaSource {
  private schema: DatabaseSchema | undefined
  private fingerprint: string | undefined
  private sqliteVersion: number | undefined
  private located: SchemaTarget | undefined
  private problem: string | undefined
  private started = false
  private running: Promise<void> | undefined
  private again = false
  private forced = false
  private timer: NodeJS.Timeout | undefined
  private disposed = false

  constructor(private readonly options: LiveSchemaOptions) {}

  current(): DatabaseSchema | undefined {
    if (!this.started) void this.refresh()
    return this.schema
  }

  fileChanged(fileName: string): void {
    if (!this.started || this.disposed) return
    const root = this.options.rootDir
    const config = [path.join(root, 'config', 'database.ts'), path.join(root, '.env')]
    if (config.includes(fileName)) return void this.refresh()
    const target = this.located?.target
    const file = target?.kind === 'sqlite' ? target.file : undefined
    const own = file !== undefined && (fileName === file || fileName === `${file}-wal`)
    // Without a database yet, any SQLite file of the app may be the one just created.
    const created = !this.schema && isDatabaseFile(fileName) && fileName.startsWith(root + path.sep)
    if (own || created) void this.read()
  }

  /** Locates and reads the database again, even if SQLite says its schema did not change. */
  refresh(): Promise<void> {
    this.forced = true
    return this.read()
  }

  describe(): { label?: string; problem?: string } {
    return {
      ...(this.located ? { label: this.located.label } : {}),
      ...(this.problem !== undefined ? { problem: this.problem } : {}),
    }
  }

  dispose(): void {
    this.disposed = true
    if (this.timer) clearInterval(this.timer)
  }

  /** One read at a time; a request during a read runs one more read after it, on the same promise. */
  private read(): Promise<void> {
    this.started = true
    this.again = true
    this.running ??= (async () => {
      try {
        while (this.again && !this.disposed) {
          this.again = false
          await this.readOnce()
        }
      } finally {
        this.running = undefined
      }
    })()
    return this.running
  }

  private async readOnce(): Promise<void> {
    const force = this.forced
    this.forced = false
    let located: SchemaTarget
    try {
      const { rootDir, target, password } = this.options
      located = databaseTarget(rootDir, { settings: target, password })
    } catch (error) {
      this.located = undefined
      this.schedule()
      return this.fail(`no development database to read: ${messageOf(error)}`)
    }
    this.located = located
    this.schedule()
    const { target, label } = located
    try {
      if (target.kind === 'sqlite') {
        const version = await sqliteSchemaVersion(target.file)
        if (!force && this.schema?.label === label && version === this.sqliteVersion) return
        this.sqliteVersion = version
      }
      const schema = await introspectDatabase(target, { statementTimeoutMs: SERVER_TIMEOUT_MS })
      schema.label = label
      this.accept(schema)
    } catch (error) {
      this.fail(`cannot read the database (${label}): ${messageOf(error)}`)
    }
  }

  private accept(schema: DatabaseSchema): void {
    if (this.disposed) return
    const fingerprint = schemaFingerprint(schema)
    const announce = this.fingerprint === undefined || this.problem !== undefined
    this.problem = undefined
    if (fingerprint === this.fingerprint) return
    this.schema = schema
    this.fingerprint = fingerprint
    if (announce)
      this.options.log(
        `Lucid Lens: ${this.options.rootDir}: schema checks use the database (${schema.label}, ` +
          `${schema.tables.size} tables).`,
      )
    this.options.changed()
  }

  private fail(problem: string): void {
    if (this.disposed) return
    const had = this.schema !== undefined
    this.schema = undefined
    this.fingerprint = undefined
    this.sqliteVersion = undefined
    const news = problem !== this.problem
    if (news)
      this.options.log(
        `Lucid Lens: ${this.options.rootDir}: ${problem} Schema checks use database/migrations instead.`,
      )
    this.problem = problem
    // A new problem text is news too: the status bar shows it (its first read, or the database
    // failing in another way than before).
    if (had || news) this.options.changed()
  }

  /** Server databases change without a file event: they are re-read on an interval. */
  private schedule(): void {
    const server = this.located !== undefined && this.located.target.kind !== 'sqlite'
    const seconds = this.options.refreshSeconds
    if (server && seconds > 0 && !this.timer && !this.disposed) {
      this.timer = setInterval(() => void this.read(), seconds * 1000)
      this.timer.unref()
    } else if (!server && this.timer) {
      clearInterval(this.timer)
      this.timer = undefined
    }
  }
}

/** One line for the log: the message, never a stack. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The editor's factory from the `lucidLens.database` settings and the password the client stored;
 * undefined when the settings turn the database off.
 */
export function liveSchemaFactory(
  settings: DatabaseSettings,
  hooks: { log(line: string): void; changed(): void },
  password?: string,
): LiveSchemaFactory | undefined {
  if (!settings.enable) return undefined
  return (project) =>
    new LiveSchema({
      rootDir: project.rootDir,
      target: settings,
      password,
      refreshSeconds: settings.schemaRefreshSeconds,
      log: hooks.log,
      changed: () => {
        // A new project version makes every pulled report of the project stale.
        project.touch()
        hooks.changed()
      },
    })
}
