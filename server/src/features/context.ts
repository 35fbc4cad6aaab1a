// What every feature receives: the connection, the projects, the open documents and the settings.
import type { ClientCapabilities, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver'
import type { TextDocument } from 'vscode-languageserver-textdocument'
import type { TsModule } from '../analysis/syntax'
import type { ProjectService } from '../project/project-service'
import type { Settings } from '../settings'

export interface ServerContext {
  connection: Connection
  ts: TsModule
  projects: ProjectService
  documents: TextDocuments<TextDocument>
  clientCapabilities: ClientCapabilities
  settings(): Settings
  /** Resolves once the client's settings are known; answers given before would use defaults. */
  settingsReady: Promise<void>
  /** The database password from the client's secret storage (it wins over .env), if one was sent. */
  databasePassword(): string | undefined
  /** Subscribe to "analysis results may have changed" (edits, file events, settings). */
  onInvalidate(listener: (reason: Invalidation) => void): void
}

/** `schema`: a live database schema was read and differs from the one in use. */
export type Invalidation =
  { kind: 'document'; uri: string } | { kind: 'files' } | { kind: 'settings' } | { kind: 'schema' }

export interface Feature {
  capabilities(client: ClientCapabilities): Partial<ServerCapabilities>
  register(context: ServerContext): void
}
