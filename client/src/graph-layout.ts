// A layered layout of the model graph for the graph webview: parents above the models they own
// (belongsTo counts the other way round, so `Post.author` does not lift Post over User), cycles
// broken where a depth-first walk meets them, each layer ordered by its parents' positions. Pure.
import type { ModelSummary } from '../../server/src/protocol'
import { layoutEdges, separateLabels, textWidth, type LayoutEdge, type LayoutNode } from './graph-edges'

export { edgeLabel, textWidth, type LayoutEdge, type LayoutNode } from './graph-edges'

export const NODE_HEIGHT = 46
const NODE_PADDING = 28
const COLUMN_GAP = 160
const LAYER_GAP = 150
const MARGIN = 30

export interface GraphLayout {
  width: number
  height: number
  nodes: LayoutNode[]
  edges: LayoutEdge[]
}

export function layoutGraph(models: readonly ModelSummary[]): GraphLayout {
  const known = new Map(models.map((model) => [model.name, model]))
  const ghosts = [
    ...new Set(models.flatMap((m) => m.relations.map((r) => r.relatedModel)).filter((n) => !known.has(n))),
  ].sort()
  const names = [...[...known.keys()].sort(), ...ghosts]
  const layers = assignLayers(names, rankEdges(models, new Set(names)))
  const order = orderLayers(names, layers, rankEdges(models, new Set(names)))
  const place = (shift: number) => placeNodes(order, known, shift)
  let nodes = place(0)
  let edges = layoutEdges(models, nodes)
  // Labels of curves that bow outward may start left of the boxes: shift everything right.
  const left = Math.min(
    ...[...nodes.values()].map((n) => n.x),
    ...edges.map((e) => e.labelX - e.labelWidth / 2),
  )
  if (left < MARGIN) {
    nodes = place(MARGIN - left)
    edges = layoutEdges(models, nodes)
  }
  edges = separateLabels(edges, [...nodes.values()])
  const boxes = [...nodes.values()]
  return {
    width: Math.ceil(
      Math.max(...boxes.map((n) => n.x + n.width), ...edges.map((e) => e.labelX + e.labelWidth / 2)) + MARGIN,
    ),
    height: Math.ceil(
      Math.max(...boxes.map((n) => n.y + n.height), ...edges.map((e) => e.labelY + 9)) + MARGIN,
    ),
    nodes: names.map((name) => nodes.get(name) as LayoutNode),
    edges,
  }
}

/** Each layer centred under the widest, its boxes side by side. */
function placeNodes(
  order: string[][],
  known: Map<string, ModelSummary>,
  shift: number,
): Map<string, LayoutNode> {
  const nodes = new Map<string, LayoutNode>()
  const layerWidths = order.map(
    (layer) =>
      layer.reduce((sum, name) => sum + nodeWidth(name, known.get(name)), 0) +
      COLUMN_GAP * (layer.length - 1),
  )
  const widest = Math.max(0, ...layerWidths)
  order.forEach((layer, index) => {
    let x = MARGIN + shift + (widest - (layerWidths[index] ?? 0)) / 2
    for (const name of layer) {
      const model = known.get(name)
      const width = nodeWidth(name, model)
      nodes.set(name, {
        name,
        table: model?.table ?? 'not a model of this app',
        uri: model?.uri ?? '',
        line: model?.line ?? 0,
        ghost: !model,
        layer: index,
        x,
        y: MARGIN + index * (NODE_HEIGHT + LAYER_GAP),
        width,
        height: NODE_HEIGHT,
      })
      x += width + COLUMN_GAP
    }
  })
  return nodes
}

function nodeWidth(name: string, model: ModelSummary | undefined): number {
  return Math.max(textWidth(name, true), textWidth(model?.table ?? 'not a model of this app')) + NODE_PADDING
}

/** Parent → child pairs for ranking; self relations do not rank. */
function rankEdges(models: readonly ModelSummary[], names: Set<string>): Array<[string, string]> {
  const pairs = new Map<string, [string, string]>()
  for (const model of models)
    for (const relation of model.relations) {
      if (relation.relatedModel === model.name || !names.has(relation.relatedModel)) continue
      const pair: [string, string] =
        relation.kind === 'belongsTo'
          ? [relation.relatedModel, model.name]
          : [model.name, relation.relatedModel]
      pairs.set(pair.join('\u0000'), pair)
    }
  return [...pairs.values()]
}

/** Longest path from the roots after dropping the edges that close a cycle. */
function assignLayers(names: string[], edges: Array<[string, string]>): Map<string, number> {
  const out = new Map<string, string[]>(names.map((name) => [name, []]))
  for (const [from, to] of edges) out.get(from)?.push(to)
  for (const targets of out.values()) targets.sort()
  const state = new Map<string, 'active' | 'done'>()
  const order: string[] = []
  const kept = new Map<string, string[]>(names.map((name) => [name, []]))
  const visit = (name: string) => {
    state.set(name, 'active')
    for (const next of out.get(name) ?? []) {
      if (state.get(next) === 'active') continue
      kept.get(name)?.push(next)
      if (!state.has(next)) visit(next)
    }
    state.set(name, 'done')
    order.push(name)
  }
  for (const name of names) if (!state.has(name)) visit(name)
  const layer = new Map<string, number>(names.map((name) => [name, 0]))
  const topological = [...order].reverse()
  for (const name of topological)
    for (const next of kept.get(name) ?? [])
      layer.set(next, Math.max(layer.get(next) ?? 0, (layer.get(name) ?? 0) + 1))
  // Then each model moves down next to the nearest model it owns, so edges stay short: a model
  // owning only `Post` sits just above Post, not at the top.
  for (const name of order) {
    const children = (kept.get(name) ?? []).map((child) => layer.get(child) ?? 0)
    if (children.length) layer.set(name, Math.max(layer.get(name) ?? 0, Math.min(...children) - 1))
  }
  return layer
}

/** Each layer sorted by the mean position of its parents in the layers above, then by name. */
function orderLayers(
  names: string[],
  layers: Map<string, number>,
  edges: Array<[string, string]>,
): string[][] {
  const depth = Math.max(0, ...layers.values())
  const result: string[][] = Array.from({ length: depth + 1 }, () => [])
  const position = new Map<string, number>()
  for (let index = 0; index <= depth; index++) {
    const here = names.filter((name) => layers.get(name) === index)
    const weight = (name: string) => {
      const parents = edges
        .filter(([from, to]) => to === name && position.has(from))
        .map(([from]) => position.get(from) as number)
      return parents.length ? parents.reduce((a, b) => a + b, 0) / parents.length : Number.POSITIVE_INFINITY
    }
    const sorted = here
      .map((name) => ({ name, weight: weight(name) }))
      .sort((a, b) => a.weight - b.weight || a.name.localeCompare(b.name))
      .map((entry) => entry.name)
    sorted.forEach((name, i) => position.set(name, i))
    result[index] = sorted
  }
  return result.filter((layer) => layer.length > 0)
}
