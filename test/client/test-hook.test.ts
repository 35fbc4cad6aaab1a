// The test hook's pieces that need no editor: how a queued answer picks an item, and how renders
// are handed to tests once each.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { matchAnswer, matchMany } from '../../client/src/answer-match'
import type { Prompter } from '../../client/src/quick-picks'
import { Mailbox, TestHook, testHookEnabled } from '../../client/src/test-hook'
import type { PanelRender } from '../../client/src/test-api'

const items = [
  { label: '1', description: 'Ann Lee', detail: 'email: ann@example.com' },
  { label: '12', description: 'Bob Stone' },
  { label: 'First page (20)' },
  { label: 'Choose keys…' },
]

test('an exact label wins, else the first label, description or detail containing the answer', () => {
  assert.equal(matchAnswer(items, '1'), items[0])
  assert.equal(matchAnswer(items, '12'), items[1])
  assert.equal(matchAnswer(items, 'Bob'), items[1])
  assert.equal(matchAnswer(items, 'ann@example'), items[0])
  assert.equal(matchAnswer(items, 'First page'), items[2])
  assert.equal(matchAnswer(items, 'Choose keys'), items[3])
  assert.equal(matchAnswer(items, 'nobody'), undefined)
  assert.deepEqual(matchMany(items, 'Ann, Bob, Ann'), { picked: [items[0], items[1]], unmatched: [] })
  assert.deepEqual(matchMany(items, ''), { picked: [], unmatched: [] })
  assert.deepEqual(matchMany(items, 'zzz'), { picked: [], unmatched: ['zzz'] })
})

test('renders are delivered once, whether asked for before or after they arrive', async () => {
  const box = new Mailbox<number>()
  const early = box.take()
  box.post(1)
  assert.equal(await early, 1)
  box.post(2)
  box.post(3)
  assert.equal(await box.take(), 2)
  box.clear()
  const late = box.take()
  box.post(4)
  assert.equal(await late, 4)
})

test('the hook: stale panel renders are dropped, status waits for a match, ready waits for the server', async () => {
  const queued: string[][] = []
  const hook = new TestHook({ queue: (answers: string[]) => queued.push(answers) } as unknown as Prompter)
  hook.api.queueAnswers(['User', 'posts'])
  assert.deepEqual(queued, [['User', 'posts']])
  const render = (title: string): PanelRender => ({
    title,
    expression: '',
    statements: [],
    columns: [],
    rowCount: 0,
    nested: [],
    truncation: '',
    warnings: [],
    dryRun: false,
  })
  hook.panelRendered(render('old'))
  hook.panelShowing()
  const next = hook.api.nextPanelRender()
  hook.panelRendered(render('new'))
  assert.equal((await next).title, 'new')

  const status = hook.api.waitForStatus((s) => s.text.includes('models'))
  hook.statusShown({ text: 'Lucid: starting…', tooltip: '', error: false })
  hook.statusShown({ text: 'Lucid: 6 models · sqlite tmp/db.sqlite3', tooltip: '', error: false })
  assert.equal((await status).text, 'Lucid: 6 models · sqlite tmp/db.sqlite3')
  assert.equal((await hook.api.waitForStatus(() => true)).text, 'Lucid: 6 models · sqlite tmp/db.sqlite3')

  const ready = hook.api.ready()
  hook.serverRunning(true)
  await ready
  await hook.api.ready()
  assert.equal(testHookEnabled({ LUCID_LENS_TEST_HOOK: '1' }), true)
  assert.equal(testHookEnabled({}), false)
})
