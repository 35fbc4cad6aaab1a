// The relationship graph's ELK layout on the example app's own models (read by the server's models
// feature, as the editor gets them): in both drawings no edge label covers another label or a model's
// box, no two boxes overlap, everything is on the canvas and every edge starts and ends on its boxes.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { test } from 'node:test'
import ts from 'typescript'
import { layoutGraph, type GraphLayout } from '../../client/src/graph-layout'
import { LABEL_HEIGHT } from '../../client/src/graph-shapes'
import { summaries } from '../../server/src/features/models'
import { ProjectService } from '../../server/src/project/project-service'
import type { ModelSummary } from '../../server/src/protocol'
import { repoRoot } from '../support/paths'

interface Box {
  id: string
  left: number
  right: number
  top: number
  bottom: number
}

function exampleModels(app: string): ModelSummary[] {
  const service = new ProjectService(ts, { schemaChecks: { enable: false, disabled: [] } })
  const [project] = service.discover(path.join(repoRoot, 'examples', app))
  assert.ok(project, `examples/${app} is found`)
  return summaries(project)
}

const overlap = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

function boxes(layout: GraphLayout): { labels: Box[]; nodes: Box[] } {
  return {
    labels: layout.edges.map((e) => ({
      id: `label of ${e.id}`,
      left: e.labelX - e.labelWidth / 2,
      right: e.labelX + e.labelWidth / 2,
      top: e.labelY - LABEL_HEIGHT / 2,
      bottom: e.labelY + LABEL_HEIGHT / 2,
    })),
    nodes: layout.nodes.map((n) => ({
      id: n.name,
      left: n.x,
      right: n.x + n.width,
      top: n.y,
      bottom: n.y + n.height,
    })),
  }
}

function assertClean(layout: GraphLayout): void {
  const { labels, nodes } = boxes(layout)
  const all = [...labels, ...nodes]
  for (const box of all) {
    assert.ok(box.left >= 0 && box.top >= 0, `${box.id} starts on the canvas`)
    assert.ok(box.right <= layout.width && box.bottom <= layout.height, `${box.id} ends on the canvas`)
  }
  // Pairwise: a label covers no other label and no box; boxes do not overlap.
  for (const [i, a] of all.entries())
    for (const b of all.slice(i + 1)) assert.ok(!overlap(a, b), `${a.id} overlaps ${b.id} (${layout.mode})`)
  for (const edge of layout.edges) {
    const points = [...edge.path.matchAll(/[ML] ([\d.-]+) ([\d.-]+)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ])
    assert.ok(points.length >= 2, edge.id)
    const onBox = (name: string, [x, y]: number[]) => {
      const node = nodes.find((n) => n.id === name) as Box
      const near = 2
      return (
        x! >= node.left - near && x! <= node.right + near && y! >= node.top - near && y! <= node.bottom + near
      )
    }
    assert.ok(onBox(edge.from, points[0]!), `${edge.id} starts on ${edge.from}`)
    assert.ok(onBox(edge.to, points[points.length - 1]!), `${edge.id} ends on ${edge.to}`)
  }
}

// examples/blog-v7 joins once its schema classes stop counting as models (they do today: 13 boxes).
for (const app of ['blog'])
  for (const mode of ['relations', 'er'] as const)
    test(`examples/${app}, ${mode}: no label overlaps a label or a box, and every edge joins its boxes`, async (t) => {
      const models = exampleModels(app)
      assert.equal(models.length, 6)
      const layout = await layoutGraph(models, mode)
      t.diagnostic(
        `${layout.width}x${layout.height}, ${layout.nodes.length} boxes, ${layout.edges.length} edges`,
      )
      assert.equal(
        layout.edges.length,
        models.reduce((n, m) => n + m.relations.length, 0),
      )
      assertClean(layout)
    })

test('the ER diagram lists every column of a model, its primary key and the foreign keys marked', async () => {
  const models = exampleModels('blog')
  const layout = await layoutGraph(models, 'er')
  const post = layout.nodes.find((n) => n.name === 'Post')
  const model = models.find((m) => m.name === 'Post')
  assert.ok(post && model)
  assert.deepEqual(
    post.columns.map((c) => c.name),
    model.columns,
  )
  assert.equal(post.columns.find((c) => c.name === 'id')?.key, 'PK')
  assert.equal(post.columns.find((c) => c.name === 'userId')?.key, 'FK')
  // The rows fit the box.
  assert.ok(post.height >= 46 + 18 * post.columns.length)
  const relationsLayout = await layoutGraph(models)
  assert.ok(relationsLayout.nodes.every((n) => n.columns.length === 0))
})
