// Composes the features over one connection. The connection is injected, so tests run the real
// server in-process over streams and main.ts runs it over stdio or IPC.
import * as path from 'node:path'
import ts from 'typescript'
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { isOffByDefault } from './analysis'
import { describeError } from './features/boundary'
import { liveSchemaFactory } from './database/live-schema'
import { DATABASE_FILE_GLOB, isDatabaseFile } from './database/schema-target'
import { codeActionsFeature } from './features/code-actions'
import { codeLensFeature } from './features/code-lens'
import type { Feature, Invalidation, ServerContext } from './features/context'
import { completionFeature } from './features/completion'
import { databaseSchemaFeature } from './features/database-schema'
import { definitionFeature } from './features/definition'
import { diagnosticsFeature } from './features/diagnostics'
import { expressionAtFeature } from './features/expression-at'
import { hoverFeature } from './features/hover'
import { inlayHintsFeature } from './features/inlay-hints'
import { modelsFeature } from './features/models'
import { previewFeature } from './features/preview'
import { referencesFeature } from './features/references'
import { renameFeature } from './features/rename'
import { rowsFeature } from './features/rows'
import { statusFeature } from './features/status'
import { uriToPath } from './features/uri'
import { ProjectService, type ProjectServiceOptions } from './project/project-service'
import { DATABASE_PASSWORD_NOTIFICATION, type DatabasePasswordParams } from './protocol'
import {
  DEFAULT_SETTINGS,
  initializationSettings,
  readSettings,
  SETTINGS_SECTION,
  type Settings,
} from './settings'

const FEATURES: Feature[] = [
  diagnosticsFeature,
  hoverFeature,
  completionFeature,
  definitionFeature,
  referencesFeature,
  renameFeature,
  codeActionsFeature,
  inlayHintsFeature,
  databaseSchemaFeature,
  codeLensFeature,
  statusFeature,
  previewFeature,
  rowsFeature,
  modelsFeature,
  expressionAtFeature,
]

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const listeners: ((reason: Invalidation) => void)[] = []
  let settings: Settings = DEFAULT_SETTINGS
  // What initializationOptions said: every later answer is read over it, so a `null` or `{}` answer
  // cannot turn database access back on.
  let initialSettings: Settings = DEFAULT_SETTINGS
  // No database connection before the client's settings are known: until then enable=true is only
  // the default, and the client may be about to say the workspace is not trusted.
  let settingsKnown = false
  let projects = new ProjectService(ts)
  let context: ServerContext | undefined
  let markSettingsReady: () => void = () => undefined
  const settingsReady = new Promise<void>((resolve) => (markSettingsReady = resolve))

  // Live database schemas log their problems once and invalidate when a read changed the schema.
  const schemaHooks = {
    log: (line: string) => connection.console.info(line),
    changed: () => invalidate({ kind: 'schema' }),
  }
  // The password the client keeps in its secret storage: in this process's memory only.
  let databasePassword: string | undefined
  const serviceOptions = (settings: Settings): ProjectServiceOptions => ({
    ...baseServiceOptions(settings),
    log: (line) => connection.console.warn(`Lucid Lens: ${line}`),
    logSchemaNote: schemaHooks.log,
    liveSchemas: settingsKnown
      ? liveSchemaFactory(settings.database, schemaHooks, databasePassword)
      : undefined,
  })
  const markSettingsKnown = (): void => {
    if (settingsKnown) return
    settingsKnown = true
    projects.setLiveSchemas(serviceOptions(settings).liveSchemas)
  }

  const invalidate = (reason: Invalidation): void => {
    for (const listener of listeners) {
      try {
        listener(reason)
      } catch (error) {
        connection.console.error(`Lucid Lens: invalidation failed: ${describeError(error)}`)
      }
    }
  }

  const applySettings = (next: Settings): void => {
    const versionChanged = next.lucidVersion !== settings.lucidVersion
    const databaseChanged = JSON.stringify(next.database) !== JSON.stringify(settings.database)
    settings = next
    if (versionChanged) projects.reset(serviceOptions(next))
    else {
      projects.setSchemaChecks(next.schemaChecks)
      projects.setHints(hintsOf(next))
      if (databaseChanged) projects.setLiveSchemas(serviceOptions(next).liveSchemas)
    }
  }

  connection.onInitialize((params): InitializeResult => {
    const client = params.capabilities
    initialSettings = initializationSettings(params.initializationOptions)
    settings = initialSettings
    // A client that cannot answer workspace/configuration has said all it will say.
    settingsKnown = !client.workspace?.configuration
    projects = new ProjectService(ts, serviceOptions(settings))
    context = {
      connection,
      ts,
      projects,
      documents,
      clientCapabilities: client,
      settings: () => settings,
      settingsReady,
      databasePassword: () => databasePassword,
      onInvalidate: (listener) => listeners.push(listener),
    }
    let capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      // Projects are found per file (tsconfig lookup), so folders need no bookkeeping.
      workspace: { workspaceFolders: { supported: true } },
    }
    for (const feature of FEATURES) capabilities = { ...capabilities, ...feature.capabilities(client) }
    for (const feature of FEATURES) feature.register(context)
    return { capabilities, serverInfo: { name: 'lucid-lens', version: '0.1.0' } }
  })

  connection.onInitialized(async () => {
    const client = context?.clientCapabilities
    try {
      if (client?.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: '**/*.{ts,mts,cts}' },
            { globPattern: '**/{tsconfig,package}.json' },
            { globPattern: DATABASE_FILE_GLOB },
            { globPattern: '**/.env' },
          ],
        })
      }
      if (client?.workspace?.configuration) {
        if (client.workspace.didChangeConfiguration?.dynamicRegistration) {
          await connection.client.register(DidChangeConfigurationNotification.type, {
            section: SETTINGS_SECTION,
          })
        }
        await refreshSettings()
      }
    } catch (error) {
      connection.console.error(`Lucid Lens: initialization step failed: ${describeError(error)}`)
    } finally {
      // Even when the client refuses a registration, diagnostics must not wait forever.
      markSettingsKnown()
      markSettingsReady()
    }
  })

  const refreshSettings = async (): Promise<void> => {
    try {
      const [section] = await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }])
      applySettings(readSettings(section, initialSettings))
      invalidate({ kind: 'settings' })
    } catch (error) {
      connection.console.error(`Lucid Lens: could not read settings: ${describeError(error)}`)
    }
  }

  connection.onNotification(DATABASE_PASSWORD_NOTIFICATION, (params: DatabasePasswordParams | undefined) => {
    databasePassword = params?.password
    // New live schemas read with the new password; previews read it per request.
    projects.setLiveSchemas(serviceOptions(settings).liveSchemas)
    invalidate({ kind: 'schema' })
  })

  connection.onDidChangeConfiguration(async (params) => {
    if (context?.clientCapabilities.workspace?.configuration) return refreshSettings()
    const section = (params.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]
    applySettings(readSettings(section, initialSettings))
    invalidate({ kind: 'settings' })
  })

  const syncDocument = (doc: TextDocument): void => {
    const fileName = uriToPath(doc.uri)
    if (fileName) projects.openDocument(fileName, doc.getText(), doc.version)
    invalidate({ kind: 'document', uri: doc.uri })
  }
  documents.onDidOpen((e) => syncDocument(e.document))
  documents.onDidChangeContent((e) => syncDocument(e.document))
  documents.onDidClose((e) => {
    const fileName = uriToPath(e.document.uri)
    if (fileName) projects.closeDocument(fileName)
    invalidate({ kind: 'files' })
  })

  connection.onDidChangeWatchedFiles((params) => {
    let sources = false
    for (const change of params.changes) {
      const fileName = uriToPath(change.uri)
      // A database file or .env only matters to the live schemas, which invalidate when it did.
      if (fileName && (isDatabaseFile(fileName) || fileName.endsWith(`${path.sep}.env`))) {
        projects.databaseFileEvent(fileName)
        continue
      }
      sources = true
      if (!fileName || documents.get(change.uri)) continue
      const kind =
        change.type === FileChangeType.Created
          ? 'created'
          : change.type === FileChangeType.Deleted
            ? 'deleted'
            : 'changed'
      projects.fileEvent(fileName, kind)
    }
    if (sources) invalidate({ kind: 'files' })
  })

  documents.listen(connection)
  connection.listen()
}

function baseServiceOptions(settings: Settings): ProjectServiceOptions {
  const schemaChecks = settings.schemaChecks
  const hints = hintsOf(settings)
  return settings.lucidVersion === 'auto'
    ? { schemaChecks, hints }
    : { generationOverride: settings.lucidVersion, schemaChecks, hints }
}

/** The off-by-default codes `lucidLens.diagnostics.severity` gives a severity (not `off`). */
function hintsOf(settings: Settings): string[] {
  return Object.entries(settings.diagnostics.severity)
    .filter(([code, severity]) => isOffByDefault(code) && severity !== 'off')
    .map(([code]) => code)
}
