// The "Plan" of each statement in the preview panel: a tree of the database's steps under the
// statement, the LL405 hint on a full scan of a relation's key, the Explain buttons, strict CSP kept.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { StatementPlan } from '../../engine/src/explain/plan-tree'
import { planHtml } from '../../client/src/plan-html'
import { previewHtml } from '../../client/src/preview-html'
import type { Recorder } from '../engine/support/plan-recorder'
import { fixturePreviews, type FixturePreviews } from './support/fixture-previews'

const assets = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'bm9uY2Utb2YtdGVzdA==',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/media/preview.js',
  baseStyleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/media/base.css',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/media/preview.css',
}

describe('plans in the preview panel', () => {
  let previews: FixturePreviews
  before(() => {
    previews = fixturePreviews()
  })
  after(() => previews.remove())

  test('each statement shows its plan under it; the scan of posts on user_id shows the LL405 hint', async () => {
    const result = await previews.run('User', (u: Recorder) => u.query().where('id', 1).withCount('posts'), {
      explain: 'plan',
    })
    const html = previewHtml(
      {
        title: 'Lucid: User',
        expression: "User.query().where('id', 1).withCount('posts')",
        answer: { kind: 'result', dryRun: false, target: 'sqlite tmp/db.sqlite3', result },
      },
      assets,
    )
    // The plan sits inside the statement's item, after its meta line.
    assert.match(
      html,
      /<li class="statement"><pre class="sql">select [^<]*<\/pre><p class="statement-meta">[^<]*<\/p><section class="plan" aria-label="Plan"><h3>SQLite plan<\/h3><ul class="plan-tree" role="tree">/,
    )
    // The count subquery is a step with the scan of posts nested in its own list.
    assert.match(
      html,
      /<li class="plan-node" role="treeitem" aria-expanded="true"><p class="plan-line"><span class="plan-title">CORRELATED SCALAR SUBQUERY \d+<\/span><\/p><ul class="plan-tree" role="group"><li class="plan-node full-scan"/,
    )
    assert.match(
      html,
      /<span class="plan-title">SCAN on posts<\/span> <span class="plan-fact">· full scan<\/span>/,
    )
    assert.doesNotMatch(html, /\sstyle=|<style/i)
    for (const action of ['explain', 'explainAnalyze'])
      assert.match(html, new RegExp(`<button type="button" data-action="${action}">`))
  })

  test('the LL405 hint on a full scan of a preload, and no Plan without explain', async () => {
    const result = await previews.run('User', (u: Recorder) => u.query().where('id', 1).preload('posts'), {
      explain: 'plan',
    })
    const html = previewHtml(
      {
        title: 'Lucid: User',
        expression: "User.query().where('id', 1).preload('posts')",
        answer: { kind: 'result', dryRun: false, target: 'sqlite tmp/db.sqlite3', result },
      },
      assets,
    )
    assert.equal([...html.matchAll(/<section class="plan"/g)].length, 2)
    assert.match(
      html,
      /<p class="plan-hint" data-code="LL405"><span class="plan-hint-text">reads all of posts: no index used for user_id, the key User.posts looks rows up by \(LL405 checks that it has one\)<\/span> <button type="button" class="link" data-action="showRelation" data-relation="User.posts" data-code="LL405">Show User.posts<\/button><\/p>/,
    )
    const plain = await previews.run('User', (u: Recorder) => u.query().where('id', 1).preload('posts'))
    const without = previewHtml(
      {
        title: 'Lucid: User',
        expression: "User.query().where('id', 1).preload('posts')",
        answer: { kind: 'result', dryRun: false, target: 'sqlite tmp/db.sqlite3', result: plain },
      },
      assets,
    )
    assert.doesNotMatch(without, /class="plan/)
  })

  test('ANALYZE facts (rows estimated and actual, time) and notes; every value escaped', () => {
    const plan: StatementPlan = {
      dialect: 'postgres',
      analyzed: true,
      notes: ['a <note>'],
      nodes: [
        {
          operation: 'Index Scan',
          table: 'users',
          index: 'users_pkey',
          condition: "(name = '<b>x</b>')",
          rowsEstimated: 1,
          rowsActual: 1,
          timeMs: 0.0123,
          fullScan: false,
          children: [],
        },
      ],
    }
    const html = planHtml(plan)
    assert.ok(html.includes('<h3>PostgreSQL plan (ANALYZE)</h3>'))
    assert.ok(
      html.includes(
        '<span class="plan-title">Index Scan on users using users_pkey</span> <span class="plan-fact">· by (name = &#39;&lt;b&gt;x&lt;/b&gt;&#39;)</span> <span class="plan-fact">· rows 1 est</span> <span class="plan-fact">· 1 actual</span> <span class="plan-fact">· 0.012 ms</span>',
      ),
    )
    assert.ok(html.includes('<p class="plan-note">a &lt;note&gt;</p>'))
    assert.doesNotMatch(html, /<b>/)
  })
})
