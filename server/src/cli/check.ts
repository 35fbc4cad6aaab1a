// `lucid-lens check [DIR]`: the editor's findings for every app under DIR, printed like tsc.
import * as path from 'node:path'
import ts from 'typescript'
import type { Finding } from '../analysis'
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
  schema: { apps: number; tables: number; source?: 'database'; databases?: string[] }
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
  }
  for (const project of service.discover(dir)) {
    result.apps++
    const schema = project.schema()
    if (schema) {
      result.schema.apps++
      result.schema.tables += schema.tables.size
      // With --db every app reads its database; without, every app its migrations (the default).
      if (schema.source === 'database') result.schema.source = 'database'
      if (schema.label !== undefined)
        result.schema.databases = [...(result.schema.databases ?? []), schema.label]
    }
    const models = project.index().allModels()
    result.models += models.length
    result.relations += models.reduce((n, m) => n + m.facts.relations.length, 0)
    for (const file of project.sourceFiles()) {
      for (const finding of project.findings(file.fileName)) result.findings.push(locate(file, finding))
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
  if (result.schema.apps > 0) {
    const databases = [...new Set(result.schema.databases ?? [])]
    const source =
      result.schema.source === 'database' ? `the database ${databases.join(', ')}` : 'database/migrations'
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
  const { apps, tables, source, databases } = result.schema
  const schema =
    apps > 0
      ? {
          source: source ?? 'migrations',
          apps,
          tables,
          ...(databases ? { databases: [...new Set(databases)] } : {}),
        }
      : null
  return JSON.stringify({ findings, models: result.models, relations: result.relations, schema }, null, 2)
}
