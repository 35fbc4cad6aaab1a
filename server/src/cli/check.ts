// `lucid-lens check [DIR]`: the editor's findings for every app under DIR, printed like tsc.
import * as path from 'node:path'
import ts from 'typescript'
import type { Finding } from '../analysis'
import { ProjectService } from '../project/project-service'

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
}

export function check(dir: string): CheckResult {
  const service = new ProjectService(ts)
  const result: CheckResult = { findings: [], models: 0, relations: 0, apps: 0 }
  for (const project of service.discover(dir)) {
    result.apps++
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
    const severity = f.severity === 'error' ? paint('91', 'error') : paint('93', f.severity)
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
  const errors = result.findings.filter((f) => f.severity === 'error').length
  const others = result.findings.length - errors
  out.push(
    `Found ${errors} error${errors === 1 ? '' : 's'} and ${others} warning${others === 1 ? '' : 's'} in ` +
      `${result.models} models (${result.relations} relations, ${result.apps} app${result.apps === 1 ? '' : 's'}).`,
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
  return JSON.stringify({ findings, models: result.models, relations: result.relations }, null, 2)
}
