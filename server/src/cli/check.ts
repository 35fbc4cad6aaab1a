// `lucid-lens check [DIR]`: the editor's findings for every app under DIR, printed like tsc.
import * as path from 'node:path'
import ts from 'typescript'
import { isOffByDefault, ownModels, relationCount, type Finding } from '../analysis'
import type { LiveSchemaFactory } from '../project/live-schema-source'
import { ProjectService } from '../project/project-service'
import { warnLine } from './warn'

export interface CheckedFinding extends Finding {
  line: number
  column: number
  endLine: number
  endColumn: number
  lineText: string
}

export interface CheckResult {
  findings: CheckedFinding[]
  models: number
  relations: number
  apps: number
  /** The apps whose models were checked against a schema, its tables, and where it came from. */
  schema: {
    apps: number
    tables: number
    source?: 'database' | 'schema-file'
    databases?: string[]
    /** The schema files read (`database/schema.ts`, or a connection's schemaGeneration.outputPath). */
    files?: string[]
  }
  /** What the schema checks could not check and why, per app folder (relative to the checked dir). */
  notes: { app: string; note: string }[]
}

export interface CheckOptions {
  /** Compare models with the schema of each app's migrations (default: on when an app has them). */
  schema?: boolean
  /** The live database schema of each app (`check --db`), used instead of its migrations. */
  liveSchemas?: LiveSchemaFactory
}

export function check(dir: string, options: CheckOptions = {}): CheckResult {
  const service = new ProjectService(ts, {
    log: warnLine,
    schemaChecks: { enable: options.schema !== false, disabled: [] },
    ...(options.liveSchemas ? { liveSchemas: options.liveSchemas } : {}),
  })
  const result: CheckResult = {
    findings: [],
    models: 0,
    relations: 0,
    apps: 0,
    schema: { apps: 0, tables: 0 },
    notes: [],
  }
  for (const project of service.discover(dir)) {
    result.apps++
    const schema = project.schema()
    if (schema) {
      result.schema.apps++
      result.schema.tables += schema.tables.size
      // With --db every app reads its database; without, every app its migrations (the default).
      if (schema.source === 'database') result.schema.source = 'database'
      else if (schema.source === 'schema-file') {
        result.schema.source ??= 'schema-file'
        const file = schema.file ?? 'database/schema.ts'
        if (!result.schema.files?.includes(file)) result.schema.files = [...(result.schema.files ?? []), file]
      }
      if (schema.label !== undefined)
        result.schema.databases = [...(result.schema.databases ?? []), schema.label]
    }
    for (const note of project.schemaNotes())
      result.notes.push({ app: path.relative(dir, project.rootDir) || '.', note })
    const models = ownModels(project.index())
    result.models += models.length
    result.relations += relationCount(project.index())
    for (const file of project.sourceFiles()) {
      // Off-by-default hints (LL503) are for editors whose settings turn them on.
      for (const finding of project.findings(file.fileName))
        if (!isOffByDefault(finding.code)) result.findings.push(locate(file, finding))
    }
  }
  return result
}

function locate(file: ts.SourceFile, finding: Finding): CheckedFinding {
  const start = file.getLineAndCharacterOfPosition(finding.start)
  const end = file.getLineAndCharacterOfPosition(finding.end)
  const lineText = file.text.split(/\r?\n/)[start.line] ?? ''
  return {
    ...finding,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    lineText,
  }
}

export function formatText(result: CheckResult, dir: string, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text)
  const out: string[] = []
  for (const f of result.findings) {
    const where = `${paint('96', path.relative(dir, f.fileName))}:${paint('93', String(f.line))}:${paint('93', String(f.column))}`
    const severity =
      f.severity === 'error'
        ? paint('91', 'error')
        : f.severity === 'warning'
          ? paint('93', 'warning')
          : paint('96', f.severity)
    out.push(`${where} - ${severity} ${paint('90', f.code)}: ${f.message}`, '')
    const width =
      f.endLine === f.line
        ? Math.max(1, f.endColumn - f.column)
        : Math.max(1, f.lineText.length - f.column + 1)
    const gutter = String(f.line)
    out.push(
      `${paint('7', gutter)} ${f.lineText}`,
      `${paint('7', ' '.repeat(gutter.length))} ${' '.repeat(f.column - 1)}${paint('91', '~'.repeat(width))}`,
      '',
    )
  }
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  const errors = result.findings.filter((f) => f.severity === 'error').length
  const warnings = result.findings.filter((f) => f.severity === 'warning').length
  const hints = result.findings.length - errors - warnings
  const counts =
    hints > 0
      ? `${count(errors, 'error')}, ${count(warnings, 'warning')} and ${count(hints, 'hint')}`
      : `${count(errors, 'error')} and ${count(warnings, 'warning')}`
  for (const { app, note } of result.notes)
    out.push(`${paint('90', 'Not checked')}${app === '.' ? '' : ` (${app})`}: ${note}`)
  if (result.schema.apps > 0) {
    const databases = [...new Set(result.schema.databases ?? [])]
    const source =
      result.schema.source === 'database'
        ? `the database ${databases.join(', ')}`
        : result.schema.source === 'schema-file'
          ? (result.schema.files ?? ['database/schema.ts']).join(', ')
          : 'database/migrations'
    out.push(
      `Schema: ${source} (${count(result.schema.tables, 'table')}` +
        `${result.apps > 1 ? ` in ${count(result.schema.apps, 'app')}` : ''}).`,
    )
  }
  out.push(
    `Found ${counts} in ${result.models} models (${result.relations} relations, ${count(result.apps, 'app')}).`,
  )
  return out.join('\n')
}

export function formatJson(result: CheckResult, dir: string): string {
  const findings = result.findings.map((f) => ({
    file: path.relative(dir, f.fileName),
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    severity: f.severity,
    code: f.code,
    message: f.message,
  }))
  const { apps, tables, source, databases, files } = result.schema
  const schema =
    apps > 0
      ? {
          source: source ?? 'migrations',
          apps,
          tables,
          ...(databases ? { databases: [...new Set(databases)] } : {}),
          ...(files ? { files } : {}),
        }
      : null
  const notes = result.notes
  return JSON.stringify(
    { findings, models: result.models, relations: result.relations, schema, notes },
    null,
    2,
  )
}
