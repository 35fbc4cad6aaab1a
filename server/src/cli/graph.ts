// `lucid-lens graph [DIR] [--format mermaid|dot|json]`: the models and their relations, with the keys
// Lucid resolves, as a diagram source. Relations with findings are marked (red in both diagrams).
import * as path from 'node:path'
import ts from 'typescript'
import type { ModelGraph, RelationInfo } from '../../../engine/src/model-graph'
import { buildModelGraph, ownModels } from '../analysis'
import { relationProblems } from '../analysis/relation-problems'
import type { Project } from '../project/project'
import { ProjectService } from '../project/project-service'
import { warnLine } from './warn'

export type GraphFormat = 'mermaid' | 'dot' | 'json'

interface AppGraph {
  root: string
  graph: ModelGraph
  /** `Model.relation` → finding codes on its declaration. */
  problems: Map<string, string[]>
}

export function graph(dir: string, format: GraphFormat): { apps: number; text: string } {
  const apps = new ProjectService(ts, { log: warnLine })
    .discover(dir)
    .map((project) => appGraph(project, dir))
  const withModels = apps.filter((a) => a.graph.models.length > 0)
  const text =
    format === 'json'
      ? JSON.stringify(
          {
            apps: withModels.map((a) => ({
              root: a.root,
              ...a.graph,
              problems: Object.fromEntries(a.problems),
            })),
          },
          null,
          2,
        )
      : withModels.map((a) => (format === 'dot' ? dot(a) : mermaid(a))).join('\n\n')
  return { apps: withModels.length, text }
}

function appGraph(project: Project, dir: string): AppGraph {
  const index = project.index()
  const models = ownModels(index)
  const problems = relationProblems(models, (fileName) => project.findings(fileName))
  return { root: path.relative(dir, project.rootDir) || '.', graph: buildModelGraph(index, models), problems }
}

/**
 * `posts (hasMany): id → userId`, `tags (manyToMany): via post_tag (post_id → tag_id)`, or the kind
 * alone when the keys are not resolved.
 */
function edgeLabel(relation: RelationInfo, codes: string[] | undefined): string {
  const pivot = relation.keys?.pivot
  const keys = pivot
    ? `: via ${pivot.table} (${pivot.foreignKey} → ${pivot.relatedForeignKey})`
    : relation.keys
      ? `: ${relation.keys.localKey} → ${relation.keys.foreignKey}`
      : ''
  const problem = codes ? ` ⚠ ${codes.join(' ')}` : ''
  return `${relation.name} (${relation.kind})${keys}${problem}`
}

function edges(app: AppGraph): { from: string; to: string; label: string; problem: boolean }[] {
  return app.graph.models.flatMap((model) =>
    model.relations
      .filter((r) => r.relatedModel)
      .map((r) => {
        const codes = app.problems.get(`${model.name}.${r.name}`)
        return {
          from: model.name,
          to: r.relatedModel as string,
          label: edgeLabel(r, codes),
          problem: !!codes,
        }
      }),
  )
}

function mermaid(app: AppGraph): string {
  const id = (name: string) => `m_${name.replace(/\W/g, '_')}`
  const lines = [`%% ${app.root}`, 'flowchart LR']
  for (const model of app.graph.models) lines.push(`  ${id(model.name)}["${model.name}<br/>${model.table}"]`)
  const all = edges(app)
  all.forEach((e) => lines.push(`  ${id(e.from)} -- "${e.label.replace(/"/g, "'")}" --> ${id(e.to)}`))
  all.forEach((e, i) => e.problem && lines.push(`  linkStyle ${i} stroke:#d33,color:#d33`))
  return lines.join('\n')
}

function dot(app: AppGraph): string {
  const quote = (text: string) => `"${text.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\n')}"`
  const lines = [`digraph ${quote(app.root)} {`, '  rankdir=LR;', '  node [shape=box];']
  for (const model of app.graph.models)
    lines.push(`  ${quote(model.name)} [label=${quote(`${model.name}\n${model.table}`)}];`)
  for (const e of edges(app)) {
    lines.push(
      `  ${quote(e.from)} -> ${quote(e.to)} [label=${quote(e.label)}${e.problem ? ', color=red, fontcolor=red' : ''}];`,
    )
  }
  lines.push('}')
  return lines.join('\n')
}
