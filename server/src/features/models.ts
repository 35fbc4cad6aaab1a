// `lucidLens/models`: each app's models and relations with the keys Lucid resolves and the finding
// codes on each relation's declaration (the same ones `lucid-lens graph` draws red), for the
// relationship graph and the model pickers. No database is involved.
import { isPreviewKind, type ModelInfo } from '../../../engine/src/model-graph'
import { buildModelGraph, ownModels, type Finding, type LucidModel, type ModelIndex } from '../analysis'
import { relationShape, type KeyRole, type RelationShape } from '../analysis/relation-shape'
import { relationFindings } from '../analysis/relation-problems'
import type { Project } from '../project/project'
import {
  MODELS_REQUEST,
  type ModelsParams,
  type ModelsResult,
  type ModelSummary,
  type RelationSummary,
} from '../protocol'
import { guard } from './boundary'
import { knownApps } from './known-apps'
import type { Feature, ServerContext } from './context'
import { pathToUri, uriToPath } from './uri'

export const modelsFeature: Feature = {
  capabilities() {
    return {}
  },
  register(context) {
    context.connection.onRequest(
      MODELS_REQUEST,
      guard(
        context.connection,
        'models',
        async (params: ModelsParams | undefined): Promise<ModelsResult> => {
          await context.settingsReady
          const projects = await projectsFor(context, params?.uri)
          const apps = projects.map((project) => ({ root: project.rootDir, models: summaries(project) }))
          return { apps: apps.filter((app) => app.models.length > 0) }
        },
        (): ModelsResult => ({ apps: [] }),
      ),
    )
  },
}

/** The document's app; else every app known or found in the workspace folders. */
async function projectsFor(context: ServerContext, uri: string | undefined): Promise<Project[]> {
  if (uri !== undefined) {
    const fileName = uriToPath(uri)
    const project = fileName ? context.projects.projectFor(fileName) : undefined
    return project ? [project] : []
  }
  return knownApps(context)
}

/** Every model of the app with its relations, as the graph draws them. */
export function summaries(project: Project): ModelSummary[] {
  const index = project.index()
  const models = ownModels(index)
  const graph = buildModelGraph(index, models)
  const problems = relationFindings(models, (fileName) => project.findings(fileName))
  return models.flatMap((model, i) => {
    const info = graph.models[i]
    return info ? [summary(index, model, info, problems)] : []
  })
}

function summary(
  index: ModelIndex,
  model: LucidModel,
  info: ModelInfo,
  problems: Map<string, Finding[]>,
): ModelSummary {
  const written = new Map(model.facts.relations.map((fact) => [fact.name, fact.relatedExpr?.getText()]))
  const relations = info.relations.map((relation): RelationSummary => {
    const declared = model.relations.get(relation.name)
    const shape = declared && relationShape(index, model, declared)
    return {
      name: relation.name,
      kind: relation.kind,
      // An unresolved model is shown as written (`() => AuditEntry`), with its finding.
      relatedModel: relation.relatedModel ?? written.get(relation.name) ?? '',
      ...(shape ? keysOf(shape) : {}),
      ...problemsOf(model, problems.get(`${info.name}.${relation.name}`) ?? []),
      previewable: isPreviewKind(relation.kind),
    }
  })
  const node = model.facts.node
  return {
    name: info.name,
    table: info.table,
    primaryKey: info.primaryKey,
    uri: pathToUri(model.file.fileName),
    line: model.file.getLineAndCharacterOfPosition(node.getStart(model.file)).line,
    columns: info.columns.map((column) => column.attribute),
    columnNames: info.columns.map((column) => column.columnName),
    relations,
  }
}

/** The codes of the findings on a relation's declaration, and where each starts. */
function problemsOf(
  model: LucidModel,
  findings: Finding[],
): Pick<RelationSummary, 'problems' | 'problemStarts'> {
  const problems = findings.map((f) => f.code)
  if (findings.length === 0) return { problems }
  const problemStarts = findings.map((f) => {
    const { line, character } = model.file.getLineAndCharacterOfPosition(f.start)
    return { code: f.code, line, character }
  })
  return { problems, problemStarts }
}

/** The shape's keys as the protocol names them (see RelationSummary). */
function keysOf(shape: RelationShape): Partial<RelationSummary> {
  const name = (role: KeyRole) => shape.keys.find((key) => key.role === role)?.name ?? ''
  const keys: Partial<RelationSummary> = { localKey: name('localKey') }
  if (shape.pivot) {
    const { table, foreignKey, relatedForeignKey } = shape.pivot
    return { ...keys, relatedKey: name('relatedKey'), pivot: { table, foreignKey, relatedForeignKey } }
  }
  keys.foreignKey = name('foreignKey')
  if (shape.through)
    keys.through = {
      model: shape.through.name,
      localKey: name('throughLocalKey'),
      foreignKey: name('throughForeignKey'),
    }
  return keys
}
