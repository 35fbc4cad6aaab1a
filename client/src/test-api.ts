// What the extension exports from `activate()` when the environment variable LUCID_LENS_TEST_HOOK is
// `1` (the real-editor suites set it): a way to answer quick picks and input boxes, and the state
// the preview panel and the graph report after they rendered (from the webview's own DOM). Users
// never get it: without the variable `activate()` exports nothing.

export interface PanelRender {
  /** The panel's title, e.g. `Lucid: User.posts`. */
  title: string
  /** The Lucid expression that ran. */
  expression: string
  /** SQL of each statement as shown. */
  statements: string[]
  /** Column headers of the top-level table. */
  columns: string[]
  /** Top-level rows shown in the table. */
  rowCount: number
  /** Nested relation tables present (expandable), by relation name. */
  nested: string[]
  /** `showing 100 of more` when capped, else empty. */
  truncation: string
  warnings: string[]
  dryRun: boolean
  /** Each plan step shown, `Seq Scan on posts · full scan · ...`, in tree order (all statements). */
  plans?: string[]
  /** The LL405 hints shown on plan steps. */
  planHints?: string[]
  /** The error shown instead of a result (message and hint). */
  error?: string
  /** No database: why nothing ran and how to connect one (the SQL is in `statements`). */
  notRun?: string
}

export interface GraphRender {
  /** Model names drawn. */
  models: string[]
  /** `User.posts -> Post` for every edge drawn. */
  edges: string[]
  /** The edges drawn red (relations with findings). */
  problemEdges: string[]
}

export interface StatusRender {
  text: string
  tooltip: string
  /** The item shows the error background (database unreachable). */
  error: boolean
}

export interface LucidLensTestApi {
  /**
   * Answers the next quick picks and input boxes, in order. For a quick pick the first item whose
   * label equals the answer is picked (else the first whose label, description or detail contains
   * it); for an input box the answer is the text typed. An answer of `<escape>` cancels.
   */
  queueAnswers(answers: string[]): void
  /** Resolves with the next render the preview panel reports. */
  nextPanelRender(): Promise<PanelRender>
  /** Resolves with the next render the graph webview reports. */
  nextGraphRender(): Promise<GraphRender>
  /** Resolves once the status bar shows a state for which `accept` returns true. */
  waitForStatus(accept: (status: StatusRender) => boolean): Promise<StatusRender>
  /** Resolves once the language client is running. */
  ready(): Promise<void>
}
