// The preview panel's page: strict CSP, the one script by nonce, every database value escaped.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { contentSecurityPolicy, createNonce, escapeHtml } from '../../client/src/html'
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

/** Everything a page may not contain under its CSP: inline scripts, handlers, inline styles. */
function assertNoInlineCode(html: string) {
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
  assert.deepEqual(scripts, [`<script nonce="${assets.nonce}" src="${assets.scriptUri}">`])
  assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/)
  assert.doesNotMatch(html, /\sstyle=/i)
  assert.doesNotMatch(html, /<style/i)
  assert.doesNotMatch(html, /<[^>]*\son[a-z]+=[^>]*>/i)
}

describe('preview panel page', () => {
  let previews: FixturePreviews
  before(() => {
    previews = fixturePreviews()
  })
  after(() => previews.remove())

  test('the CSP allows only the nonce script and the extension’s styles', () => {
    const csp = contentSecurityPolicy(assets.cspSource, assets.nonce)
    assert.equal(
      csp,
      `default-src 'none'; img-src ${assets.cspSource}; font-src ${assets.cspSource}; style-src ${assets.cspSource}; script-src 'nonce-${assets.nonce}'`,
    )
    assert.notEqual(createNonce(), createNonce())
    assert.match(createNonce(), /^[A-Za-z0-9+/]{24}$/)
  })

  test('a result: statements with bindings and time, rows, extras, nested relations in <details>', async () => {
    const result = await previews.run('User', (u: Recorder) =>
      u.query().withCount('posts').preload('posts').limit(2),
    )
    const html = previewHtml(
      {
        title: 'Lucid: User.posts',
        expression: "User.query().withCount('posts').preload('posts').limit(2)",
        answer: { kind: 'result', dryRun: false, target: 'sqlite tmp/db.sqlite3', result },
      },
      assets,
    )
    assert.ok(html.includes(`content="default-src 'none'; img-src`))
    assertNoInlineCode(html)
    assert.ok(html.includes('<title>Lucid: User.posts</title>'))
    assert.ok(html.includes('<pre class="sql">select `users`.*, (select count(*) from `posts`'))
    assert.match(html, /bindings \[2\] · \d+\.\d ms · 2 rows/)
    assert.ok(html.includes('<th scope="col" class="extra" title="From $extras">$posts_count</th>'))
    assert.equal([...html.matchAll(/<details class="nested" data-relation="posts">/g)].length, 2)
    assert.ok(html.includes('<summary>posts · 3 rows</summary>'))
    assert.ok(html.includes('<table id="rows" class="rows">'))
    assert.doesNotMatch(html, /id="truncation"|id="dry-run"|id="error"/)
    for (const action of ['rerun', 'copySql', 'exportCsv', 'exportJson'])
      assert.match(html, new RegExp(`<button type="button" data-action="${action}">`))
  })

  test('database values and expressions are escaped; a dry run says it was rolled back', async () => {
    const evil = '<img src=x onerror=alert(1)>"\'&'
    const result = await previews.run(
      'User',
      (u: Recorder) => u.findOrFail(1).related('posts').create({ title: evil }),
      { dryRun: true },
    )
    const html = previewHtml(
      {
        title: 'Lucid: User.posts',
        expression: `User.findOrFail(1).related('posts').create({ title: '</script><script>alert(1)</script>' })`,
        answer: { kind: 'result', dryRun: true, target: 'sqlite tmp/db.sqlite3', result },
      },
      assets,
    )
    assertNoInlineCode(html)
    assert.equal(html.includes('<img'), false)
    assert.equal(html.includes('</script><script>'), false)
    assert.ok(html.includes(escapeHtml(evil)))
    assert.ok(html.includes('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;'))
    assert.ok(
      html.includes('<div id="dry-run" class="banner" role="status"><strong>Dry run: rolled back.</strong>'),
    )
    assert.match(html, /insert into `posts`.*<\/pre><p class="statement-meta">bindings .* · 1 affected<\/p>/)
    assert.ok(html.includes('<li class="warning">rolled back: nothing was written</li>'))
  })

  test('truncation says how many were shown', async () => {
    const result = await previews.run('Post', (p: Recorder) => p.query(), { rowCap: 3 })
    const html = previewHtml(
      {
        title: 'Lucid: Post',
        expression: 'Post.query()',
        answer: { kind: 'result', dryRun: false, target: 't', result },
      },
      assets,
    )
    assert.ok(html.includes('<p id="truncation" class="truncation">showing 3 of more</p>'))
    assert.ok(html.includes('<h2>Rows (3)</h2>'))
  })

  test('an error shows its message and hint, with Re-run only', () => {
    const html = previewHtml(
      {
        title: 'Lucid: User.posts',
        expression: "User.findOrFail(1).related('posts').query()",
        answer: {
          kind: 'error',
          code: 'E_CONNECTION',
          message: 'Cannot connect to PostgreSQL at 127.0.0.1:5433: connection refused',
          hint: 'Start the database, or set <lucidLens.database.port>.',
        },
      },
      assets,
    )
    assertNoInlineCode(html)
    assert.ok(
      html.includes(
        '<p class="message">Cannot connect to PostgreSQL at 127.0.0.1:5433: connection refused</p>',
      ),
    )
    assert.ok(
      html.includes('<p class="hint">Start the database, or set &lt;lucidLens.database.port&gt;.</p>'),
    )
    assert.match(html, /data-action="rerun">Re-run/)
    assert.match(html, /data-action="copySql" disabled>/)
    // Once the database answers, a re-run with EXPLAIN may work.
    assert.match(html, /data-action="explain">Explain</)
    assert.doesNotMatch(html, /id="rows"/)
  })

  test('no database: why nothing ran, how to connect one, and the SQL with placeholders', () => {
    const html = previewHtml(
      {
        title: 'Lucid: User.posts',
        expression: "user.related('posts').query()",
        answer: {
          kind: 'sql',
          dialect: 'SQLite (assumed: no database is configured)',
          statements: [
            {
              sql: 'select * from `posts` where `user_id` = ?',
              bindings: ['<User.id>'],
              durationMs: 0,
              rowCount: 0,
              truncated: false,
            },
          ],
          warnings: ['onQuery of "User.posts" was not applied: <why>'],
          message: 'Not run: This app has no config/database.ts.',
          hint: 'Add <Lucid> config',
          code: 'E_SETUP',
        },
      },
      assets,
    )
    assertNoInlineCode(html)
    assert.ok(
      html.includes('<p class="message"><strong>Not run: This app has no config/database.ts.</strong></p>'),
    )
    assert.ok(html.includes('<p class="hint">Add &lt;Lucid&gt; config</p>'))
    assert.ok(html.includes('<pre class="sql">select * from `posts` where `user_id` = ?</pre>'))
    assert.ok(html.includes('bindings [&quot;&lt;User.id&gt;&quot;]'))
    assert.ok(html.includes('SQLite (assumed: no database is configured)'))
    // Copy SQL works; nothing ran, so there is nothing to export, and no database to explain on.
    assert.match(html, /data-action="copySql">/)
    assert.match(html, /data-action="exportJson" disabled>/)
    assert.match(html, /data-action="explain" disabled>/)
    assert.match(html, /data-action="explainAnalyze" disabled>/)
    assert.ok(
      html.includes(
        '<li class="warning">onQuery of &quot;User.posts&quot; was not applied: &lt;why&gt;</li>',
      ),
    )
    assert.doesNotMatch(html, /id="rows"|id="error"/)
  })
})
