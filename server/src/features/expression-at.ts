// `lucidLens/expressionAt`: the Lucid code under a selection or the cursor (preview/chain-at.ts) and
// the variable it starts at, with the model the code says it holds: the analysis's inference
// (`const user = await User.findOrFail(id)`, `user: User`, ...), then the type checker's type of
// the variable (an instance of a model class), then its name (`post` → Post).
import type * as TS from 'typescript'
import { buildModelGraph, ModelInference, type ModelIndex } from '../analysis'
import { chainAt } from '../preview/chain-at'
import { modelFromName } from '../preview/read-plan'
import {
  EXPRESSION_AT_REQUEST,
  type ExpressionAtParams,
  type ExpressionAtResult,
  type FreeVariable,
} from '../protocol'
import { guard } from './boundary'
import type { Feature, ServerContext } from './context'
import { failedAnswer } from './database-access'
import { offsetAt, sourceAt } from './source-at'

export const expressionAtFeature: Feature = {
  capabilities() {
    return {}
  },
  register(context) {
    context.connection.onRequest(
      EXPRESSION_AT_REQUEST,
      guard(
        context.connection,
        'expression at',
        async (params: ExpressionAtParams): Promise<ExpressionAtResult> => {
          await context.settingsReady
          return expressionAt(context, params)
        },
        failedAnswer('search for the expression'),
      ),
    )
  },
}

const NO_CHAIN: ExpressionAtResult = {
  kind: 'error',
  code: 'E_PLAN',
  message: 'No Lucid query here: put the cursor in a chain like User.query()... or select one.',
}

function expressionAt(context: ServerContext, params: ExpressionAtParams): ExpressionAtResult {
  const source = sourceAt(context, params.uri)
  if (!source) return NO_CHAIN
  const { index, file } = source
  const start = offsetAt(file, params.range.start)
  const end = Math.max(start, offsetAt(file, params.range.end))
  const models = new Models(index)
  const found = chainAt(index.ts, file, start, end, (root) => models.isLucidRoot(root))
  if (!found) return NO_CHAIN
  if (found instanceof Error) return { kind: 'error', code: 'E_PLAN', message: found.message }
  const root = found.root
  const variables: FreeVariable[] = []
  if (root && !models.isModelClass(root)) {
    const model = models.heldBy(root)
    variables.push({ name: root.text, ...(model ? { model } : {}) })
  }
  return { kind: 'expression', expression: found.text, variables }
}

class Models {
  private readonly inference: ModelInference
  private graph: ReturnType<typeof buildModelGraph> | undefined

  constructor(private readonly index: ModelIndex) {
    this.inference = new ModelInference(index)
  }

  isModelClass(root: TS.Identifier): boolean {
    return this.inference.of(root)?.kind === 'class'
  }

  /** A chain worth previewing starts at a model, or at a variable holding one of its rows. */
  isLucidRoot(root: TS.Identifier): boolean {
    return this.isModelClass(root) || this.heldBy(root) !== undefined
  }

  /** The model whose instance the variable holds, when anything says so. */
  heldBy(root: TS.Identifier): string | undefined {
    const ref = this.inference.of(root)
    if (ref) return ref.kind === 'instance' ? ref.model.name : undefined
    return this.fromType(root) ?? modelFromName(root.text, (this.graph ??= buildModelGraph(this.index)))
  }

  /** The checker's type of the variable: an instance of a model class (not the class itself). */
  private fromType(root: TS.Identifier): string | undefined {
    const ts = this.index.ts
    try {
      const type = this.index.checker.getTypeAtLocation(root)
      if (type.getConstructSignatures().length > 0) return undefined
      const decl = type.getSymbol()?.declarations?.find((d) => ts.isClassLike(d))
      return decl && ts.isClassLike(decl) ? this.index.modelOf(decl)?.name : undefined
    } catch {
      // The checker can fail on code mid-edit; the name is still there to go by.
      return undefined
    }
  }
}
