// The seam between a project and its live database schema: the project asks for the last schema
// read (never waiting for a database), and is told through file events when to look again. The
// editor plugs in a LiveSchema that re-reads in the background; the CLI a schema it read up front.
import type { DatabaseSchema } from '../../../engine/src/schema'

export interface LiveSchemaSource {
  /** The last schema read from the database, or undefined (not read yet, or unreachable). */
  current(): DatabaseSchema | undefined
  /** A watched file changed on disk; the source decides whether it is its database. */
  fileChanged?(fileName: string): void
  /** Reads the database again now; resolves when done (failures are reported, not thrown). */
  refresh?(): Promise<void>
  /** What the source is doing, for a status request: the label or the reason it cannot read. */
  describe?(): { label?: string; problem?: string }
  dispose?(): void
}

/** Creates the source of a project (by its root); undefined when live schemas are off. */
export type LiveSchemaFactory = (project: { rootDir: string; touch(): void }) => LiveSchemaSource | undefined
