// `npm run bench:mutations`: appends a letter to every relation name (related/preload/withCount/
// whereHas...) and every explicit relation key option of a corpus of apps, one site per file per
// round, and counts the mutations reported at the mutated string, per pattern, plus every new
// finding that no mutation explains (a false finding).
//   LUCID_LENS_MUTATION_APPS=/tmp/apps   a folder of more apps (each subfolder one app; never committed)
//   MUTATION_FILTER=blog                 only apps whose path contains this text
//   MUTATION_MISSES=1                    list every mutation that was not reported
import * as fs from 'node:fs'
import * as path from 'node:path'
import ts from 'typescript'
import { OFF_BY_DEFAULT_CODES } from '../server/src/analysis'
import { ProjectService } from '../server/src/project/project-service'
import type { Project } from '../server/src/project/project'
import { collectSites, type Site } from './mutation-sites'

const REPO = path.resolve(__dirname, '../..')
const LETTER = 'x'

interface Tally {
  sites: number
  caught: number
}
interface AppResult {
  app: string
  byPattern: Map<string, Tally>
  falseFindings: string[]
  misses: string[]
}

function corpus(): string[] {
  const fixtures = path.join(REPO, 'test', 'fixtures')
  const apps = fs
    .readdirSync(fixtures)
    .filter((n) => fs.statSync(path.join(fixtures, n)).isDirectory())
    .map((n) => path.join(fixtures, n))
  apps.push(path.join(REPO, 'examples', 'blog'), path.join(REPO, 'examples', 'blog-v7'))
  const extra = process.env.LUCID_LENS_MUTATION_APPS
  if (extra && fs.existsSync(extra)) {
    for (const n of fs.readdirSync(extra).sort()) {
      const dir = path.join(extra, n)
      if (fs.statSync(dir).isDirectory()) apps.push(dir)
    }
  }
  const filter = process.env.MUTATION_FILTER
  return filter ? apps.filter((a) => a.includes(filter)) : apps
}

interface Found {
  file: string
  start: number
  code: string
  key: string
  message: string
}

function allFindings(projects: Project[]): Found[] {
  const out: Found[] = []
  for (const project of projects) {
    for (const file of project.sourceFiles()) {
      for (const f of project.findings(file.fileName)) {
        const line = file.getLineAndCharacterOfPosition(f.start).line
        out.push({
          file: file.fileName,
          start: f.start,
          code: f.code,
          // With the message: two findings of one code on one line (two keys of one decorator) stay apart.
          key: `${file.fileName}:${line}:${f.code}:${f.message}`,
          message: f.message,
        })
      }
    }
  }
  return out
}

function runApp(root: string): AppResult {
  // Off-by-default hints (LL503) too: the false-finding count covers every code.
  const service = new ProjectService(ts, { log: () => {}, hints: OFF_BY_DEFAULT_CODES })
  const projects = service.discover(root)
  const result: AppResult = {
    app: path.relative(REPO, root) || root,
    byPattern: new Map(),
    falseFindings: [],
    misses: [],
  }
  const baseline = new Map<string, number>()
  const before = allFindings(projects)
  for (const f of before) baseline.set(f.key, (baseline.get(f.key) ?? 0) + 1)
  // A name that is already reported (a planted typo, a real bug of the app) proves nothing mutated.
  const reported = (s: Site): boolean =>
    before.some((f) => f.file === s.fileName && f.start >= s.start && f.start <= s.end + 1)
  const byFile = new Map<string, Site[]>()
  const seen = new Set<string>()
  for (const project of projects) {
    for (const s of collectSites(ts, project.index(), project.sourceFiles())) {
      const id = `${s.fileName}:${s.start}`
      if (seen.has(id) || reported(s)) continue
      seen.add(id)
      const list = byFile.get(s.fileName) ?? []
      list.push(s)
      byFile.set(s.fileName, list)
    }
  }
  const rounds = Math.max(0, ...[...byFile.values()].map((l) => l.length))
  let version = 1
  for (let round = 0; round < rounds; round++) {
    const mutated: Site[] = []
    for (const [fileName, list] of byFile) {
      const s = list[round]
      if (!s) continue
      const text = fs.readFileSync(fileName, 'utf8')
      service.openDocument(fileName, text.slice(0, s.end) + LETTER + text.slice(s.end), ++version)
      mutated.push(s)
    }
    const counts = new Map<string, number>()
    const fresh: Found[] = []
    for (const f of allFindings(projects)) {
      const n = (counts.get(f.key) ?? 0) + 1
      counts.set(f.key, n)
      if (n > (baseline.get(f.key) ?? 0)) fresh.push(f)
    }
    for (const s of mutated) {
      const tally = result.byPattern.get(s.pattern) ?? { sites: 0, caught: 0 }
      tally.sites++
      if (fresh.some((f) => f.file === s.fileName && f.start >= s.start && f.start <= s.end + 1))
        tally.caught++
      else result.misses.push(`${path.relative(root, s.fileName)}:${lineOf(s)} [${s.pattern}] ${s.text}`)
      result.byPattern.set(s.pattern, tally)
    }
    for (const f of fresh) {
      const atSite = mutated.some((s) => s.fileName === f.file && f.start >= s.start && f.start <= s.end + 1)
      const named = mutated.some((s) => f.message.includes(s.text + LETTER))
      // A mutated preload('items') no longer loads items (and a mutated read no longer reads it): the
      // LL502/LL503 findings about 'items' in that file follow from the mutation.
      const unloaded = mutated.some(
        (s) =>
          s.kind === 'name' &&
          s.fileName === f.file &&
          (f.code === 'LL502' || f.code === 'LL503') &&
          f.message.includes(`'${s.text}'`),
      )
      if (!atSite && !named && !unloaded)
        result.falseFindings.push(`${path.relative(root, f.file)} ${f.code} ${f.message}`)
    }
    for (const s of mutated) service.closeDocument(s.fileName)
  }
  for (const p of projects) p.dispose()
  return result
}

function lineOf(s: Site): number {
  return fs.readFileSync(s.fileName, 'utf8').slice(0, s.start).split('\n').length
}

function pct(t: Tally): string {
  return t.sites === 0 ? '-' : `${((100 * t.caught) / t.sites).toFixed(1)}%`
}

function main(): void {
  const results: AppResult[] = []
  for (const app of corpus()) {
    const started = Date.now()
    const r = runApp(app)
    const total = sum(r.byPattern.values())
    console.log(
      `${r.app}: ${total.caught}/${total.sites} caught (${pct(total)}), ${r.falseFindings.length} false, ${Date.now() - started} ms`,
    )
    for (const f of r.falseFindings) console.log(`  FALSE ${f}`)
    if (process.env.MUTATION_MISSES) for (const m of r.misses) console.log(`  missed ${m}`)
    results.push(r)
  }
  const patterns = new Map<string, Tally>()
  for (const r of results)
    for (const [p, t] of r.byPattern) {
      const acc = patterns.get(p) ?? { sites: 0, caught: 0 }
      acc.sites += t.sites
      acc.caught += t.caught
      patterns.set(p, acc)
    }
  const rows = [...patterns].sort((a, b) => b[1].sites - a[1].sites)
  console.log('\n| Pattern | Sites | Caught | Share |\n|---|---:|---:|---:|')
  for (const [p, t] of rows) console.log(`| ${p} | ${t.sites} | ${t.caught} | ${pct(t)} |`)
  const names = sum([...patterns].filter(([p]) => !p.startsWith('key ')).map(([, t]) => t))
  const keys = sum([...patterns].filter(([p]) => p.startsWith('key ')).map(([, t]) => t))
  const falses = results.reduce((n, r) => n + r.falseFindings.length, 0)
  console.log(`\nRelation names: ${names.caught}/${names.sites} (${pct(names)})`)
  console.log(`Relation keys:  ${keys.caught}/${keys.sites} (${pct(keys)})`)
  console.log(`New false findings: ${falses}`)
}

function sum(tallies: Iterable<Tally>): Tally {
  const out = { sites: 0, caught: 0 }
  for (const t of tallies) {
    out.sites += t.sites
    out.caught += t.caught
  }
  return out
}

main()
