// The relationship graph: owners above what they own, edges with their keys, problems red, models
// focusable with their file, the ER diagram behind a toggle, the page under the strict CSP.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ModelSummary, RelationSummary } from '../../server/src/protocol'
import { graphHtml } from '../../client/src/graph-html'
import { edgeLabel, layoutGraph } from '../../client/src/graph-layout'

const rel = (
  name: string,
  kind: string,
  relatedModel: string,
  keys?: [string, string],
  problems: string[] = [],
) =>
  ({
    name,
    kind,
    relatedModel,
    localKey: keys?.[0],
    foreignKey: keys?.[1],
    problems,
    previewable: kind === 'hasMany' || kind === 'hasOne' || kind === 'belongsTo',
  }) satisfies RelationSummary

const model = (name: string, table: string, line: number, relations: RelationSummary[]): ModelSummary => ({
  name,
  table,
  primaryKey: 'id',
  uri: `file:///w/blog/app/models/${table}.ts`,
  line,
  columns: ['id'],
  columnNames: ['id'],
  relations,
})

/** The example app's shape: an organization owns users, users own posts, posts own comments. */
const BLOG: ModelSummary[] = [
  model('Comment', 'comments', 8, [rel('post', 'belongsTo', 'Post', ['id', 'postId'])]),
  model('Post', 'posts', 10, [
    rel('comments', 'hasMany', 'Comment', ['id', 'post_id'], ['LL103']),
    rel('author', 'belongsTo', 'User', ['id', 'userId']),
    rel('tags', 'manyToMany', 'Tag'),
  ]),
  model('User', 'users', 12, [
    rel('posts', 'hasMany', 'Post', ['id', 'userId']),
    rel('publishedPosts', 'hasMany', 'Post', ['id', 'userId']),
    rel('organization', 'belongsTo', 'Organization', ['uuid', 'organizationUuid']),
  ]),
  model('Organization', 'organizations', 6, [
    rel('members', 'hasMany', 'User', ['uuid', 'organizationUuid']),
  ]),
  model('Category', 'categories', 5, [rel('children', 'hasMany', 'Category', ['id', 'parentId'])]),
  model('Tag', 'tags', 4, [rel('posts', 'manyToMany', 'Post'), rel('audit', 'hasMany', 'AuditEntry')]),
]

test('edge labels show the keys the way the data flows', () => {
  assert.equal(edgeLabel(rel('posts', 'hasMany', 'Post', ['id', 'userId'])), 'posts: id → userId')
  assert.equal(edgeLabel(rel('author', 'belongsTo', 'User', ['id', 'userId'])), 'author: userId → id')
  assert.equal(edgeLabel(rel('tags', 'manyToMany', 'Tag')), 'tags (manyToMany)')
})

test('owners sit above what they own; belongsTo does not lift the child', async () => {
  const layout = await layoutGraph(BLOG)
  const y = (name: string) => layout.nodes.find((n) => n.name === name)?.y ?? Number.NaN
  assert.ok(y('Organization') < y('User'), 'Organization above User')
  assert.ok(y('User') < y('Post'), 'User above Post (Post.author does not lift Post)')
  assert.ok(y('Post') < y('Comment'), 'Post above Comment')
  assert.equal(layout.nodes.find((n) => n.name === 'AuditEntry')?.ghost, true)
  assert.equal(layout.edges.length, 11)
  // No label covers another label or a box, no boxes overlap, and everything is on the canvas.
  const boxes = [
    ...layout.edges.map((e) => ({
      id: e.id,
      left: e.labelX - e.labelWidth / 2,
      right: e.labelX + e.labelWidth / 2,
      top: e.labelY - 9,
      bottom: e.labelY + 9,
    })),
    ...layout.nodes.map((n) => ({
      id: n.name,
      left: n.x,
      right: n.x + n.width,
      top: n.y,
      bottom: n.y + n.height,
    })),
  ]
  for (const box of boxes) {
    assert.ok(
      box.left >= 0 && box.top >= 0 && box.right <= layout.width && box.bottom <= layout.height,
      box.id,
    )
    for (const other of boxes)
      if (other !== box)
        assert.ok(
          box.right <= other.left ||
            other.right <= box.left ||
            box.bottom <= other.top ||
            other.bottom <= box.top,
          `${box.id} covers ${other.id}`,
        )
  }
  const self = layout.edges.find((e) => e.id === 'Category.children -> Category')
  assert.ok(self?.self && self.path.startsWith('M '))
  // belongsTo is drawn from the declaring model: the path ends (arrow) at the related one.
  const author = layout.edges.find((e) => e.id === 'Post.author -> User')
  const user = layout.nodes.find((n) => n.name === 'User')
  const end = author?.path.split(' ').slice(-2).map(Number)
  assert.ok(user && end && Math.abs((end[1] ?? 0) - (user.y + user.height)) < 2, author?.path)
})

test('layout is deterministic whatever the order of the models', async () => {
  const forward = await layoutGraph(BLOG)
  const backward = await layoutGraph([...BLOG].reverse())
  assert.deepEqual(forward, backward)
})

test('the page: focusable models with their file, problem edges red, a legend, no inline code', async () => {
  const nonce = 'Z3JhcGgtbm9uY2U='
  const html = await graphHtml([{ root: '/w/blog', models: BLOG }], {
    cspSource: 'vscode-resource:',
    nonce,
    scriptUri: 'vscode-resource:/graph.js',
    baseStyleUri: 'vscode-resource:/base.css',
    styleUri: 'vscode-resource:/graph.css',
  })
  assert.ok(html.includes(`script-src 'nonce-${nonce}'`))
  assert.deepEqual(
    [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]),
    [`<script nonce="${nonce}" src="vscode-resource:/graph.js">`],
  )
  assert.doesNotMatch(html, /\sstyle=|<style|<[^>]*\son[a-z]+=[^>]*>/i)
  // Two drawings: the relations, and the ER diagram, hidden until the toggle shows it instead.
  const views = [...html.matchAll(/<div class="graph-wrap view" data-view="(\w+)"( hidden)?>/g)]
  assert.deepEqual(
    views.map((m) => [m[1], Boolean(m[2])]),
    [
      ['relations', false],
      ['er', true],
    ],
  )
  assert.ok(html.includes('<button type="button" class="mode-toggle" aria-pressed="false">'))
  const relations = html.slice(0, html.indexOf('data-view="er"'))
  const er = html.slice(html.indexOf('data-view="er"'))
  const models = [...relations.matchAll(/data-model="([^"]+)"/g)].map((m) => m[1])
  assert.deepEqual(models.sort(), ['Category', 'Comment', 'Organization', 'Post', 'Tag', 'User'])
  assert.doesNotMatch(relations, /data-column=/)
  assert.match(er, /<text class="column key" [^>]*data-column="id"><tspan class="column-key">PK<\/tspan>/)
  assert.match(
    html,
    /<g class="node" data-model="User" data-uri="file:\/\/\/w\/blog\/app\/models\/users\.ts" data-line="12" tabindex="0" role="button"/,
  )
  assert.ok(html.includes('data-ghost="AuditEntry"'))
  const problems = [...relations.matchAll(/<g class="edge problem" data-edge="([^"]+)"/g)].map((m) => m[1])
  assert.deepEqual(problems, ['Post.comments -&gt; Comment'])
  assert.ok(html.includes('>comments: id → post_id ⚠ LL103</text>'))
  assert.ok(html.includes('class="legend"'))
  const empty = await graphHtml([{ root: '/w/x', models: [] }], {
    cspSource: 'c',
    nonce,
    scriptUri: 's',
    baseStyleUri: 'b',
    styleUri: 't',
  })
  assert.ok(empty.includes('No Lucid models found'))
})
