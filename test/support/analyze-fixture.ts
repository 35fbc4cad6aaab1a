// Runs the analysis over a fixture folder the way the CLI and server do: one project per tsconfig.
import * as path from 'node:path'
import ts from 'typescript'
import { OFF_BY_DEFAULT_CODES, type Finding } from '../../server/src/analysis'
import { ProjectService } from '../../server/src/project/project-service'

export interface FileFindings {
  fileName: string
  text: string
  findings: Finding[]
}

export function analyzeFolder(folder: string): FileFindings[] {
  // Off-by-default codes too: the fixtures' markers expect them.
  const service = new ProjectService(ts, { hints: OFF_BY_DEFAULT_CODES })
  const out: FileFindings[] = []
  for (const project of service.discover(folder)) {
    for (const file of project.sourceFiles()) {
      out.push({ fileName: file.fileName, text: file.text, findings: project.findings(file.fileName) })
    }
  }
  return out
}

/** `file:line CODE message` lines, relative to the folder, for readable assertion diffs. */
export function describe(folder: string, fileName: string, line: number, code: string): string {
  return `${path.relative(folder, fileName)}:${line} ${code}`
}
