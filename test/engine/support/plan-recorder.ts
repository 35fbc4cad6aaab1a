// Writes a QueryPlan by making the calls: `chain('User', (u) => u.findOrFail(1).related('posts'))`
// records `findOrFail(1)`, `related('posts')`. Function arguments are recorded as callbacks by
// calling them with a fresh recorder, so a scenario's plan reads like the Lucid code beside it.
import type { Call, PlanArg, PlanValue, QueryPlan } from '../../../engine/src/plan'

// Any method name may be recorded, so the recorder cannot be typed tighter than Lucid's own chain.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Recorder = any

export function chain(model: string, build: (start: Recorder) => unknown): QueryPlan {
  const calls: Call[] = []
  build(recorder(calls))
  return { model, calls }
}

function recorder(calls: Call[]): Recorder {
  const proxy: Recorder = new Proxy(
    {},
    {
      get: (_target, method) => {
        if (typeof method !== 'string') return undefined
        return (...args: unknown[]) => {
          calls.push({ method, args: args.map(toArg) })
          return proxy
        }
      },
    },
  )
  return proxy
}

function toArg(arg: unknown): PlanArg {
  if (typeof arg === 'function') {
    const calls: Call[] = []
    arg(recorder(calls))
    return { kind: 'callback', calls }
  }
  return { kind: 'value', value: arg as PlanValue }
}
