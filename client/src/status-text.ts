// What the status bar item says for the server's STATUS_NOTIFICATION. Pure: tested without VS Code.
import * as path from 'node:path'
import type { AppStatus, StatusParams } from '../../server/src/protocol'
import type { StatusRender } from './test-api'

export const STARTING_STATUS: StatusRender = {
  text: 'Lucid: starting…',
  tooltip: 'Lucid Lens: the language server is starting.',
  error: false,
}

/** Running, before the server's first status: it is still reading the apps. */
export const RUNNING_STATUS: StatusRender = {
  text: 'Lucid: reading the apps…',
  tooltip: 'Lucid Lens: the language server is reading the apps of this workspace.',
  error: false,
}

export const STOPPED_STATUS: StatusRender = {
  text: 'Lucid: stopped',
  tooltip: 'Lucid Lens: the language server is not running. Run "Lucid: Restart Server" to start it.',
  error: false,
}

const CLICK_HINT = 'Click to open the database settings.'

/** `Lucid: 12 models · sqlite tmp/db.sqlite3`; with several apps `Lucid: 18 models · 2 apps`. */
export function statusRender(params: StatusParams): StatusRender {
  const apps = params.apps
  if (apps.length === 0)
    return { text: 'Lucid: no app', tooltip: `Lucid Lens found no Lucid app.\n${CLICK_HINT}`, error: false }
  const models = apps.reduce((sum, app) => sum + app.models, 0)
  const count = `${models} model${models === 1 ? '' : 's'}`
  const error = apps.some((app) => app.database.state === 'error')
  const only = apps.length === 1 ? apps[0] : undefined
  const database = only ? databaseText(only) : severalDatabases(apps)
  const text = `Lucid: ${count} · ${only ? database : `${apps.length} apps${database ? ` · ${database}` : ''}`}`
  const tooltip = ['Lucid Lens', ...apps.map(appLine), CLICK_HINT].join('\n')
  return { text, tooltip, error }
}

function databaseText(app: AppStatus): string {
  switch (app.database.state) {
    case 'ok':
      return app.database.label ?? 'db ok'
    case 'error':
      // Said in words too: the error background alone is lost on some themes and screen readers.
      return app.database.label ? `db error: ${app.database.label}` : 'db error'
    case 'off':
      return 'db off'
    case 'none':
      return 'no db'
  }
}

/** Several apps: the databases are in the tooltip; the text only flags what needs attention. */
function severalDatabases(apps: AppStatus[]): string {
  if (apps.some((app) => app.database.state === 'error')) return 'db error'
  if (apps.every((app) => app.database.state === 'off')) return 'db off'
  return ''
}

function appLine(app: AppStatus): string {
  const name = path.basename(app.root) || app.root
  const counts = `${app.models} model${app.models === 1 ? '' : 's'}, ${app.relations} relation${app.relations === 1 ? '' : 's'}`
  const { state, label, problem } = app.database
  const database =
    state === 'ok'
      ? `database ${label ?? ''}`.trim()
      : state === 'error'
        ? `database ${label ? `${label} ` : ''}unreachable: ${problem ?? 'unknown error'}`
        : state === 'off'
          ? `database off${problem ? ` (${problem})` : ''}`
          : `no database configured${problem ? ` (${problem})` : ''}`
  const notes = (app.schemaNotes ?? []).map((note) => `\n  not checked: ${note}`).join('')
  return `${name}: ${counts} · ${database}${notes}`
}
