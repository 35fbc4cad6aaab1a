// The relationship graph: layers (owners above what they own), edges with their keys, problems
// red, models focusable with their file, the page under the strict CSP.
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

test('owners sit above what they own; belongsTo does not lift the child', () => {
  const layout = layoutGraph(BLOG)
  const layer = (name: string) => layout.nodes.find((n) => n.name === name)?.layer
  assert.equal(layer('Organization'), 0)
  assert.equal(layer('User'), 1)
  assert.equal(layer('Post'), 2)
  assert.equal(layer('Comment'), 3)
  assert.ok((layer('Tag') ?? -1) >= 0)
  assert.equal(layout.nodes.find((n) => n.name === 'AuditEntry')?.ghost, true)
  // Boxes never overlap, and everything fits the canvas.
  for (const a of layout.nodes) {
    assert.ok(
      a.x >= 0 && a.y >= 0 && a.x + a.width <= layout.width && a.y + a.height <= layout.height,
      a.name,
    )
    for (const b of layout.nodes)
      if (a !== b && a.layer === b.layer)
        assert.ok(a.x + a.width <= b.x || b.x + b.width <= a.x, `${a.name}/${b.name}`)
  }
  assert.equal(layout.edges.length, 11)
  // No label covers another label or a box, and every label is on the canvas.
  const labelBoxes = layout.edges.map((e) => ({
    id: e.id,
    left: e.labelX - e.labelWidth / 2,
    right: e.labelX + e.labelWidth / 2,
    top: e.labelY - 9,
    bottom: e.labelY + 9,
  }))
  const boxes = [
    ...labelBoxes,
    ...layout.nodes.map((n) => ({
      id: n.name,
      left: n.x,
      right: n.x + n.width,
      top: n.y,
      bottom: n.y + n.height,
    })),
  ]
  for (const label of labelBoxes) {
    assert.ok(label.left >= 0 && label.right <= layout.width && label.bottom <= layout.height, label.id)
    for (const other of boxes)
      if (other !== label)
        assert.ok(
          label.right <= other.left ||
            other.right <= label.left ||
            label.bottom <= other.top ||
            other.bottom <= label.top,
          `${label.id} covers ${other.id}`,
        )
  }
  const self = layout.edges.find((e) => e.id === 'Category.children -> Category')
  assert.ok(self && self.path.startsWith('M '))
  // Two relations between the same models fan out: their labels do not sit on each other.
  const [posts, published] = ['User.posts -> Post', 'User.publishedPosts -> Post'].map((id) =>
    layout.edges.find((e) => e.id === id),
  )
  assert.ok(posts && published && Math.abs(posts.labelX - published.labelX) > 20)
})

test('layout is deterministic whatever the order of the models', () => {
  const forward = layoutGraph(BLOG)
  const backward = layoutGraph([...BLOG].reverse())
  const positions = (layout: typeof forward) => layout.nodes.map((n) => `${n.name}@${n.layer}:${n.x}`).sort()
  assert.deepEqual(positions(forward), positions(backward))
})

test('the page: focusable models with their file, problem edges red, a legend, no inline code', () => {
  const nonce = 'Z3JhcGgtbm9uY2U='
  const html = graphHtml([{ root: '/w/blog', models: BLOG }], {
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
  const models = [...html.matchAll(/data-model="([^"]+)"/g)].map((m) => m[1])
  assert.deepEqual(models.sort(), ['Category', 'Comment', 'Organization', 'Post', 'Tag', 'User'])
  assert.match(
    html,
    /<g class="node" data-model="User" data-uri="file:\/\/\/w\/blog\/app\/models\/users\.ts" data-line="12" tabindex="0" role="button"/,
  )
  assert.ok(html.includes('data-ghost="AuditEntry"'))
  const problems = [...html.matchAll(/<g class="edge problem" data-edge="([^"]+)"/g)].map((m) => m[1])
  assert.deepEqual(problems, ['Post.comments -&gt; Comment'])
  assert.ok(html.includes('>comments: id → post_id ⚠ LL103</text>'))
  assert.ok(html.includes('class="legend"'))
  const empty = graphHtml([{ root: '/w/x', models: [] }], {
    cspSource: 'c',
    nonce,
    scriptUri: 's',
    baseStyleUri: 'b',
    styleUri: 't',
  })
  assert.ok(empty.includes('No Lucid models found'))
})
