// The test API `activate()` returns when LUCID_LENS_TEST_HOOK is `1` (see test-api.ts). Renders are
// kept until a test takes them, one by one, so a test may ask for a render before or after running
// the command; new content in a panel drops the renders of what it showed before.
import type { Prompter } from './quick-picks'
import type { GraphRender, LucidLensTestApi, PanelRender, StatusRender } from './test-api'

export const TEST_HOOK_VARIABLE = 'LUCID_LENS_TEST_HOOK'

export function testHookEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[TEST_HOOK_VARIABLE] === '1'
}

/** Values delivered once each, to the first waiter or the next taker. */
export class Mailbox<T> {
  private readonly held: T[] = []
  private readonly waiters: Array<(value: T) => void> = []

  post(value: T): void {
    const waiter = this.waiters.shift()
    if (waiter) waiter(value)
    else this.held.push(value)
  }

  take(): Promise<T> {
    const value = this.held.shift()
    if (value !== undefined) return Promise.resolve(value)
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  /** Drops what nobody took (stale renders); waiters keep waiting for the next post. */
  clear(): void {
    this.held.length = 0
  }
}

export class TestHook {
  private readonly panels = new Mailbox<PanelRender>()
  private readonly graphs = new Mailbox<GraphRender>()
  private status: StatusRender | undefined
  private statusWaiters: Array<{
    accept: (status: StatusRender) => boolean
    resolve: (s: StatusRender) => void
  }> = []
  private running = false
  private readyWaiters: Array<() => void> = []

  constructor(private readonly prompter: Prompter) {}

  /** The object `activate()` returns; its functions need no `this`. */
  readonly api: LucidLensTestApi = {
    queueAnswers: (answers) => this.prompter.queue(answers),
    nextPanelRender: () => this.panels.take(),
    nextGraphRender: () => this.graphs.take(),
    waitForStatus: (accept) => {
      if (this.status && accept(this.status)) return Promise.resolve(this.status)
      return new Promise((resolve) => this.statusWaiters.push({ accept, resolve }))
    },
    ready: () =>
      this.running ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve)),
  }

  panelShowing(): void {
    this.panels.clear()
  }

  panelRendered(render: PanelRender): void {
    this.panels.post(render)
  }

  graphShowing(): void {
    this.graphs.clear()
  }

  graphRendered(render: GraphRender): void {
    this.graphs.post(render)
  }

  statusShown(status: StatusRender): void {
    this.status = status
    const waiting = this.statusWaiters
    this.statusWaiters = []
    for (const waiter of waiting) {
      if (waiter.accept(status)) waiter.resolve(status)
      else this.statusWaiters.push(waiter)
    }
  }

  serverRunning(running: boolean): void {
    this.running = running
    if (!running) return
    const waiting = this.readyWaiters
    this.readyWaiters = []
    for (const resolve of waiting) resolve()
  }
}
