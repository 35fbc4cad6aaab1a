// `lucidLens/rows`: the first rows of a model's table for a quick pick (bind `user` to a row), read
// through the same path as previews (Lucid's query, read-only, cancellable), filtered by what the
// user typed: the key exactly or the readable column as a substring.
import type { CancellationToken } from 'vscode-languageserver'
import { problemOf } from '../preview/preview-problem'
import { rowChoices, rowChoiceShape } from '../preview/row-choices'
import { runOnTarget } from '../preview/run-on-target'
import { ROWS_REQUEST, type RowsParams, type RowsResult } from '../protocol'
import { guard } from './boundary'
import type { Feature, ServerContext } from './context'
import {
  answerOf,
  appForDatabase,
  databaseOf,
  EDITOR_HINTS,
  failedAnswer,
  isProblem,
  signalOf,
} from './database-access'

const DEFAULT_LIMIT = 50
const MAX_LIMIT = 200

export const rowsFeature: Feature = {
  capabilities() {
    return {}
  },
  register(context) {
    context.connection.onRequest(ROWS_REQUEST, (params: RowsParams, token: CancellationToken) =>
      guard(context.connection, 'rows', () => rows(context, params, token), failedAnswer('row list'))(params),
    )
  },
}

async function rows(
  context: ServerContext,
  params: RowsParams,
  token: CancellationToken,
): Promise<RowsResult> {
  const app = await appForDatabase(context, params.uri)
  if (isProblem(app)) return app
  const model = app.graph.models.find((m) => m.name === params.model)
  if (!model) {
    const known = app.graph.models.map((m) => m.name).join(', ')
    return {
      kind: 'error',
      code: 'E_PLAN',
      message: `"${params.model}" is not a Lucid model of this app.`,
      hint: `Models: ${known}.`,
    }
  }
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(params.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT))
  const shape = rowChoiceShape(model, params.search ?? '', limit)
  if (!shape)
    return {
      kind: 'error',
      code: 'E_PLAN',
      message: `${model.name} has no serialized column for its primary key "${model.primaryKey}".`,
    }
  const database = databaseOf(context, app.project)
  if (isProblem(database)) return database
  const answer = {
    kind: 'rows' as const,
    model: model.name,
    keyAttribute: shape.key.attribute,
    labelAttribute: shape.label.attribute,
    target: database.label,
  }
  if (shape.matchesNothing) return { ...answer, rows: [] }
  try {
    const result = await runOnTarget(app.graph, shape.plan, database.target, {
      rowCap: limit,
      timeoutMs: context.settings().preview.timeoutMs,
      signal: signalOf(token),
    })
    return { ...answer, rows: rowChoices(result.result, shape) }
  } catch (error) {
    return answerOf(problemOf(error, EDITOR_HINTS))
  }
}
