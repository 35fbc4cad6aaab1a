// Every shape of callback a user can write, with what previews make of it: the calls it makes on its
// parameter, or the reason it is refused. One table for preload/whereHas callbacks and onQuery hooks,
// read directly, over the CLI and over LSP, so all of them accept and refuse the same shapes.
import { call, callback, type Call } from '../../engine/src/plan'

export interface CallbackShape {
  source: string
  /** The calls it makes on its parameter, or the "why" part of the refusal. */
  expected: Call[] | RegExp
}

const whereId = call('where', 'id', 1)

export const CALLBACK_SHAPES: CallbackShape[] = [
  { source: '(q) => 5', expected: /`5` is not supported in previews: it is not a call on "q"/ },
  { source: '(q) => helper(q)', expected: /`helper\(q\)` [^:]*: it passes "q" to `helper`, whose body/ },
  { source: '(q) => { helper(q) }', expected: /it passes "q" to `helper`/ },
  { source: '(q) => scopes.published(q)', expected: /it passes "q" to `scopes.published`/ },
  { source: '(q) => other', expected: /"other" is not the callback's parameter/ },
  { source: "(q) => q.where('id', 1) && 1", expected: /it is not a call on "q"/ },
  { source: "(q) => { const x = 1; q.where('id', x) }", expected: /previews do not keep variables/ },
  { source: "(q) => { for (;;) q.where('id', 1) }", expected: /previews do not run loops/ },
  { source: "(q) => { try { q.where('id', 1) } catch {} }", expected: /previews do not run error handling/ },
  {
    source: '({ where }) => where("id", 1)',
    expected: /`\{ where \}` [^:]*: it destructures the query builder/,
  },
  { source: '(...q) => q', expected: /a rest parameter collects the arguments/ },
  { source: "function* (q) { q.where('id', 1) }", expected: /a generator function/ },
  { source: '() => helper()', expected: /it takes no query parameter/ },
  { source: 'async (q) => await helper(q)', expected: /it passes "q" to `helper`/ },
  { source: "(q) => q.whereHas('comments', (c) => helper(c))", expected: /it passes "c" to `helper`/ },
  { source: "(q) => q.whereHas('comments', (c) => 5)", expected: /`5` [^:]*: it is not a call on "c"/ },
  { source: '() => {}', expected: [] },
  { source: '(q) => q', expected: [] },
  { source: "(q) => q.where('id', 1)", expected: [whereId] },
  { source: "(q: any) => q.where('id', 1)", expected: [whereId] },
  { source: "async (q) => { await q.where('id', 1) }", expected: [whereId] },
  { source: "function (q) { q.where('id', 1) }", expected: [whereId] },
  { source: "(q) => { return q.where('id', 1); q.limit(1) }", expected: [whereId] },
  {
    source: "(q) => q.whereHas('comments', (c) => c.where('id', 1))",
    expected: [call('whereHas', 'comments', callback(whereId))],
  },
]
