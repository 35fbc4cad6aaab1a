// The relationship graph's layout, by ELK's layered algorithm (elkjs): owners above (or, as an ER
// diagram, left of) the models they own, edges routed orthogonally between ports, and every edge label
// placed by ELK as a box of its own, so labels cover no box and no other label. belongsTo edges are
// laid out from the related model (the owner) and drawn back towards it, so `Post.author` does not
// lift Post over User. Pure: the same models give the same layout.
import ELK from 'elkjs/lib/elk.bundled.js'
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api'
import type { ModelSummary, RelationSummary } from '../../server/src/protocol'
import {
  edgeLabel,
  erNodeSize,
  HEADER_HEIGHT,
  keyColumns,
  LABEL_HEIGHT,
  plainNodeSize,
  ROW_HEIGHT,
} from './graph-shapes'
import { textWidth, type GraphLayout, type GraphMode, type LayoutEdge, type LayoutNode } from './graph-shapes'

export {
  edgeLabel,
  NODE_HEIGHT,
  textWidth,
  type GraphLayout,
  type GraphMode,
  type LayoutEdge,
  type LayoutNode,
} from './graph-shapes'

const elk = new ELK()

const OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.padding': '[top=30,left=30,bottom=30,right=30]',
  'elk.spacing.nodeNode': '50',
  'elk.layered.spacing.nodeNodeBetweenLayers': '50',
  'elk.spacing.edgeEdge': '14',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '14',
  'elk.spacing.edgeNode': '20',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.labelLabel': '6',
  'elk.edgeLabels.inline': 'false',
  // The order of the (sorted) input decides ties, so the drawing never depends on the server's order.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
}

interface Relation {
  model: ModelSummary
  relation: RelationSummary
  /** belongsTo: laid out from the related model, which owns the key the relation points at. */
  reversed: boolean
}

export async function layoutGraph(
  models: readonly ModelSummary[],
  mode: GraphMode = 'relations',
): Promise<GraphLayout> {
  const sorted = [...models].sort((a, b) => a.name.localeCompare(b.name))
  const known = new Map(sorted.map((model) => [model.name, model]))
  const ghosts = [
    ...new Set(sorted.flatMap((m) => m.relations.map((r) => r.relatedModel)).filter((n) => !known.has(n))),
  ].sort()
  const relations: Relation[] = sorted.flatMap((model) =>
    model.relations.map((relation) => ({ model, relation, reversed: relation.kind === 'belongsTo' })),
  )
  const keys = keyColumns(sorted)
  const children: ElkNode[] = [...sorted.map((m) => m.name), ...ghosts].map((name) => {
    const model = known.get(name)
    const size = mode === 'er' && model ? erNodeSize(model) : plainNodeSize(name, model)
    return {
      id: name,
      ...size,
      ports: [],
      layoutOptions: { 'elk.portConstraints': mode === 'er' ? 'FIXED_POS' : 'FIXED_SIDE' },
    }
  })
  const nodeById = new Map(children.map((node) => [node.id, node]))
  const rows = (name: string) => (mode === 'er' ? (known.get(name)?.columns ?? []) : [])
  const edges = relations.map((r, index) => elkEdge(r, index, { nodes: nodeById, rows, mode }))
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: { ...OPTIONS, 'elk.direction': mode === 'er' ? 'RIGHT' : 'DOWN' },
    children,
    edges,
  })
  return toLayout(graph, relations, known, keys, mode)
}

/** An edge between two ports: on the owner's bottom and the owned model's top, or at the key rows. */
interface EdgeContext {
  nodes: Map<string, ElkNode>
  /** The column rows of a node in an ER diagram, top to bottom. */
  rows: (name: string) => readonly string[]
  mode: GraphMode
}

function elkEdge(r: Relation, index: number, { nodes, rows, mode }: EdgeContext): ElkExtendedEdge {
  const [owner, owned] = r.reversed
    ? [r.relation.relatedModel, r.model.name]
    : [r.model.name, r.relation.relatedModel]
  const label = labelText(r.relation)
  const port = (node: string, side: 'out' | 'in', column: string | undefined): string => {
    const elkNode = nodes.get(node) as ElkNode
    const id = `${index}:${side}`
    const spec: ElkPort = { id, width: 1, height: 1, layoutOptions: {} }
    if (mode === 'er') {
      // At the key's row, or at the header when the key is not a column (manyToMany, unresolved).
      const row = column === undefined ? -1 : rows(node).indexOf(column)
      const y = row >= 0 ? HEADER_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT / 2 : HEADER_HEIGHT / 2
      spec.x = side === 'out' ? (elkNode.width ?? 0) : -1
      spec.y = y
      spec.layoutOptions = { 'elk.port.side': side === 'out' ? 'EAST' : 'WEST' }
    } else spec.layoutOptions = { 'elk.port.side': side === 'out' ? 'SOUTH' : 'NORTH' }
    elkNode.ports?.push(spec)
    return id
  }
  return {
    id: String(index),
    sources: [port(owner, 'out', r.relation.localKey)],
    targets: [port(owned, 'in', r.relation.foreignKey)],
    labels: [
      {
        text: label,
        width: textWidth(label) + 10,
        height: LABEL_HEIGHT,
        layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' },
      },
    ],
  }
}

function labelText(relation: RelationSummary): string {
  return edgeLabel(relation) + (relation.problems.length ? ` ⚠ ${relation.problems.join(' ')}` : '')
}

function toLayout(
  graph: ElkNode,
  relations: Relation[],
  known: Map<string, ModelSummary>,
  keys: Map<string, Map<string, string>>,
  mode: GraphMode,
): GraphLayout {
  const positioned = graph.children ?? []
  const ys = [...new Set(positioned.map((n) => n.y ?? 0))].sort((a, b) => a - b)
  const xs = [...new Set(positioned.map((n) => n.x ?? 0))].sort((a, b) => a - b)
  const nodes: LayoutNode[] = positioned.map((n) => {
    const model = known.get(n.id)
    const columns = mode === 'er' && model ? model.columns : []
    return {
      name: n.id,
      table: model?.table ?? 'not a model of this app',
      uri: model?.uri ?? '',
      line: model?.line ?? 0,
      ghost: !model,
      layer: mode === 'er' ? xs.indexOf(n.x ?? 0) : ys.indexOf(n.y ?? 0),
      x: n.x ?? 0,
      y: n.y ?? 0,
      width: n.width ?? 0,
      height: n.height ?? 0,
      columns: columns.map((name) => ({ name, key: keys.get(n.id)?.get(name) ?? '' })),
    }
  })
  const edges: LayoutEdge[] = (graph.edges ?? []).map((edge) => {
    const r = relations[Number(edge.id)] as Relation
    const points =
      (edge as ElkExtendedEdge).sections?.flatMap((s) => [
        s.startPoint,
        ...(s.bendPoints ?? []),
        s.endPoint,
      ]) ?? []
    // Drawn from the model that declares the relation, so the arrow points at the related model.
    const drawn = r.reversed ? [...points].reverse() : points
    const label = edge.labels?.[0]
    const labelWidth = label?.width ?? 0
    return {
      id: `${r.model.name}.${r.relation.name} -> ${r.relation.relatedModel}`,
      from: r.model.name,
      to: r.relation.relatedModel,
      relation: r.relation.name,
      kind: r.relation.kind,
      label: labelText(r.relation),
      problems: r.relation.problems,
      self: r.model.name === r.relation.relatedModel,
      path: drawn.map((p, i) => `${i ? 'L' : 'M'} ${round(p.x)} ${round(p.y)}`).join(' '),
      labelX: (label?.x ?? 0) + labelWidth / 2,
      labelY: (label?.y ?? 0) + LABEL_HEIGHT / 2,
      labelWidth,
    }
  })
  return { mode, width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0), nodes, edges }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
