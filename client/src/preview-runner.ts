// Runs a preview: refuses in an untrusted workspace, shows a cancellable progress notification
// whose token cancels the request (and so the statement on the server), asks for variables the
// server still needs, and puts the answer (result or error) in the panel.
import * as vscode from 'vscode'
import type { FreeVariable, PreviewAnswer, PreviewParams } from '../../server/src/protocol'
import type { PanelAnswer } from './preview-html'
import type { PreviewPanel } from './preview-panel'
import type { LucidRequests } from './requests'
import { previewsAllowed } from './trust-gate'

export type Variables = NonNullable<PreviewParams['variables']>
export type Values = NonNullable<PreviewParams['values']>

/** What the user bound: chain roots to rows, arguments to values. */
export interface Bindings {
  variables: Variables
  values: Values
}

export interface PreviewSpec {
  /** `User.posts`: the panel's title after `Lucid: `. */
  title: string
  /** A document of the app. */
  uri: string
  expression: string
  variables?: Variables
  values?: Values
  /** Also each read's query plan (the panel's Explain / Explain analyze buttons). */
  explain?: 'plan' | 'analyze'
}

/** Binds the free variables the server asks for; undefined when the user cancels. */
export type VariableBinder = (variables: FreeVariable[], uri: string) => Promise<Bindings | undefined>

/** The server asked for variables more than this many times: something is wrong, say so. */
const MAX_VARIABLE_ROUNDS = 3

export class PreviewRunner {
  private last: PreviewSpec | undefined

  constructor(
    private readonly requests: LucidRequests,
    private readonly panel: PreviewPanel,
    private readonly bindVariables: VariableBinder,
  ) {}

  /** The document the last preview ran for: it picks the app whose models a plan names. */
  get lastUri(): string | undefined {
    return this.last?.uri
  }

  /**
   * Runs the last preview again: as it was (Re-run), or asking for plans (Explain, Explain analyze).
   * Re-run after an Explain keeps the plans.
   */
  rerun(explain?: 'plan' | 'analyze'): Promise<void> {
    if (!this.last) return Promise.resolve()
    return this.run(explain ? { ...this.last, explain } : this.last)
  }

  async run(spec: PreviewSpec): Promise<void> {
    if (!previewsAllowed()) return
    let { variables, values } = spec
    for (let round = 0; round <= MAX_VARIABLE_ROUNDS; round++) {
      const answer = await this.send({ ...spec, variables, values })
      if (answer.kind === 'needsVariables') {
        const bound = await this.bindVariables(answer.variables, spec.uri)
        if (!bound) return
        variables = { ...variables, ...bound.variables }
        values = { ...values, ...bound.values }
        continue
      }
      this.last = { ...spec, variables, values }
      this.panel.show({ title: spec.title, expression: spec.expression, answer: panelAnswer(answer) })
      return
    }
    this.panel.show({
      title: spec.title,
      expression: spec.expression,
      answer: { kind: 'error', message: 'The server kept asking for variables; the preview was not run.' },
    })
  }

  /** Shows a problem found before any preview ran (no expression at the cursor...). */
  showProblem(title: string, expression: string, problem: { message: string; hint?: string; code?: string }) {
    this.panel.show({ title, expression, answer: { kind: 'error', ...problem } })
  }

  private send(spec: PreviewSpec): Thenable<PreviewAnswer> {
    const params: PreviewParams = {
      uri: spec.uri,
      expression: spec.expression,
      variables: spec.variables,
      values: spec.values,
    }
    if (spec.explain) params.explain = spec.explain
    return vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Lucid: previewing ${spec.title}`,
        cancellable: true,
      },
      async (_progress, token): Promise<PreviewAnswer> => {
        try {
          return await this.requests.preview(params, token)
        } catch (error) {
          if (token.isCancellationRequested || error instanceof vscode.CancellationError)
            return { kind: 'error', code: 'E_CANCELLED', message: 'The preview was cancelled.' }
          return {
            kind: 'error',
            code: 'E_REQUEST',
            message: error instanceof Error ? error.message : String(error),
            hint: 'See the "Lucid Lens" output channel.',
          }
        }
      },
    )
  }
}

function panelAnswer(answer: Exclude<PreviewAnswer, { kind: 'needsVariables' }>): PanelAnswer {
  if (answer.kind === 'error') return answer
  if (answer.kind === 'sql') {
    const { dialect, statements, warnings, message, hint, code } = answer
    return {
      kind: 'sql',
      dialect,
      statements,
      warnings,
      message,
      ...(hint ? { hint } : {}),
      ...(code ? { code } : {}),
    }
  }
  return { kind: 'result', dryRun: answer.dryRun, target: answer.target, result: answer.result }
}
