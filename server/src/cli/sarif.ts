// `lucid-lens check --format sarif`: the findings as SARIF 2.1.0, the format GitHub code scanning
// reads (github/codeql-action/upload-sarif). One rule per finding code, with its help text; one
// result per finding, its location relative to DIR (%SRCROOT%), so a check run from the repository
// root lines up with the files of a pull request.
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { CODES, type Severity } from '../analysis/codes'
import type { CheckResult } from './check'
import { CODE_HELP } from './sarif-help'

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const INFORMATION_URI = 'https://github.com/lucid-lens/lucid-lens#readme'

/** SARIF has three levels; LSP's information and hint are both notes. */
function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' || severity === 'warning' ? severity : 'note'
}

function rules() {
  return Object.entries(CODES).map(([kind, info]) => {
    const help = CODE_HELP[info.code] ?? info.title
    return {
      id: info.code,
      // The finding's kind in PascalCase (`UnknownForeignKey`), as SARIF's rule names are.
      name: kind[0]!.toUpperCase() + kind.slice(1),
      shortDescription: { text: info.title },
      fullDescription: { text: `${info.title}.` },
      help: { text: help, markdown: `**${info.code}**: ${info.title}.\n\n${help}` },
      helpUri: INFORMATION_URI,
      defaultConfiguration: { level: level(info.severity) },
      properties: { tags: ['lucid', 'adonisjs'] },
    }
  })
}

export function formatSarif(result: CheckResult, dir: string): string {
  const ruleList = rules()
  const index = new Map(ruleList.map((rule, i) => [rule.id, i]))
  const results = result.findings.map((f) => ({
    ruleId: f.code,
    ...(index.has(f.code) ? { ruleIndex: index.get(f.code) } : {}),
    level: level(f.severity),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: {
            // SARIF URIs use forward slashes whatever the platform.
            uri: path.relative(dir, f.fileName).split(path.sep).join('/'),
            uriBaseId: '%SRCROOT%',
          },
          region: {
            startLine: f.line,
            startColumn: f.column,
            endLine: f.endLine,
            endColumn: f.endColumn,
            snippet: { text: f.lineText },
          },
        },
      },
    ],
  }))
  const root = pathToFileURL(dir.endsWith(path.sep) ? dir : dir + path.sep).href
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'lucid-lens', informationUri: INFORMATION_URI, rules: ruleList } },
        originalUriBaseIds: { '%SRCROOT%': { uri: root } },
        results,
      },
    ],
  }
  return JSON.stringify(log, null, 2)
}
