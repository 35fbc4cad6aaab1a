// `lucid-lens graph`: the example app's models and relations as Mermaid, DOT and JSON.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import { main } from '../../server/src/cli/main'
import { repoRoot } from '../support/paths'

async function capture(...args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const code = await main(['graph', ...args], (text) => (out += text + '\n'), false)
  return { code, out }
}

function exampleCopy(t: { after: (fn: () => void) => void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-graph-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), dir, { recursive: true })
  return dir
}

test('mermaid: one node per model, edges labelled with resolved keys, broken ones red', async (t) => {
  const { code, out } = await capture(exampleCopy(t))
  assert.equal(code, 0)
  assert.match(out, /^flowchart LR$/m)
  assert.match(out, /^ {2}m_Organization -- "members \(hasMany\): uuid → organizationUuid" --> m_User$/m)
  assert.match(out, /^ {2}m_Category -- "children \(hasMany\): id → parentId" --> m_Category$/m)
  // manyToMany reads by its pivot table, not `id → id`.
  assert.match(out, /^ {2}m_Post -- "tags \(manyToMany\): via post_tag \(post_id → tag_id\)" --> m_Tag$/m)
  const edges = out.split('\n').filter((l) => l.includes(' --> '))
  const broken = edges.findIndex((l) => l.includes('approvedComments'))
  assert.match(edges[broken] ?? '', /⚠ LL103/)
  assert.match(out, new RegExp(`^ {2}linkStyle ${broken} stroke:#d33`, 'm'))
  assert.equal(out.match(/linkStyle/g)?.length, 1)
})

test('dot and json carry the same graph', async (t) => {
  const dir = exampleCopy(t)
  const dot = await capture(dir, '--format', 'dot')
  assert.match(
    dot.out,
    /^ {2}"Post" -> "Comment" \[label="approvedComments \(hasMany\): id → post_id ⚠ LL103", color=red, fontcolor=red\];$/m,
  )
  const json = JSON.parse((await capture(dir, '--format=json')).out)
  assert.equal(json.apps.length, 1)
  assert.equal(json.apps[0].models.length, 6)
  assert.deepEqual(json.apps[0].problems, { 'Post.approvedComments': ['LL103'] })
})

test('usage problems exit with 2', async () => {
  assert.equal((await capture('--format', 'svg')).code, 2)
  assert.equal((await capture('/no/such/dir')).code, 2)
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-empty-'))
  assert.match((await capture(empty)).out, /no Lucid models found/)
  fs.rmSync(empty, { recursive: true, force: true })
})
