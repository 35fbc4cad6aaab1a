// One cold analysis of an app folder, as the server does on first open plus every file's findings.
// Run in a fresh process by analysis-bench so that nothing is warm; prints one JSON line.
// Usage: node build/bench/cold-analysis.js <app-dir> [--phases] [--list]  (--list: findings to stderr)
import { performance } from 'node:perf_hooks'
import ts from 'typescript'
import { ProjectService } from '../server/src/project/project-service'

export interface ColdResult {
  findings: number
  files: number
  maxRssKb: number
  /** Milliseconds since process start of each phase end, with --phases. */
  phases?: Record<string, number>
}

function main(): void {
  const dir = process.argv[2]
  if (!dir) throw new Error('usage: cold-analysis <app-dir> [--phases] [--list]')
  const withPhases = process.argv.includes('--phases')
  const list = process.argv.includes('--list')
  const phases: Record<string, number> = { loaded: performance.now() }
  const service = new ProjectService(ts)
  let findings = 0
  let files = 0
  for (const project of service.discover(dir)) {
    // program() and index() are what findings() does first; split out only to time the phases.
    if (withPhases) {
      project.program()
      phases.program = performance.now()
      project.index()
      phases.checker = performance.now()
    }
    for (const file of project.sourceFiles()) {
      files++
      const found = project.findings(file.fileName)
      findings += found.length
      if (list) for (const f of found) console.error(`${f.fileName}:${f.start} ${f.code} ${f.message}`)
    }
  }
  phases.findings = performance.now()
  const result: ColdResult = { findings, files, maxRssKb: process.resourceUsage().maxRSS }
  if (withPhases) result.phases = phases
  console.log(JSON.stringify(result))
}

main()
