// Which migration files the app runs that its tsconfig leaves out. Lucid lists its migration folders
// on disk (subfolders included, declaration files skipped), so the project adds these to its program
// for the schema they build. Listed again only when files appear or vanish, or the database config
// changes; the result is capped so a mistaken folder (`paths: ['.']`) cannot pull in a whole tree.
import * as path from 'node:path'
import type * as TS from 'typescript'
import { databaseConfigFile, migrationFolders } from '../analysis'
import type { TsModule } from '../analysis/syntax'

const MAX_FILES = 5000

export class MigrationFiles {
  private seen?: { epoch: number; config: TS.SourceFile | undefined }
  private files: string[] = []
  private known = new Set<string>()

  constructor(
    private readonly ts: TsModule,
    private readonly rootDir: string,
  ) {}

  /** The files outside the tsconfig; call with each program. True when the list just changed. */
  refresh(program: TS.Program, epoch: number, included: ReadonlySet<string>): boolean {
    const config = databaseConfigFile(program, this.rootDir)
    if (this.seen?.epoch === epoch && this.seen.config === config) return false
    this.seen = { epoch, config }
    const next = this.list(program).filter((f) => !included.has(f))
    const changed = next.length !== this.files.length || next.some((f, i) => f !== this.files[i])
    this.files = next
    this.known = new Set(next)
    return changed
  }

  get outsideConfig(): readonly string[] {
    return this.files
  }

  has(fileName: string): boolean {
    return this.known.has(fileName)
  }

  private list(program: TS.Program): string[] {
    const out = new Set<string>()
    for (const folder of migrationFolders(this.ts, program, this.rootDir)) {
      const dir = path.join(this.rootDir, folder)
      if (!this.ts.sys.directoryExists(dir)) continue
      for (const file of this.ts.sys.readDirectory(dir, ['.ts'], ['**/*.d.ts', '**/node_modules'])) {
        if (out.size >= MAX_FILES) break
        out.add(path.normalize(file))
      }
    }
    return [...out].sort()
  }
}
