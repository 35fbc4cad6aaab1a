// The relationship graph's edges: one cubic curve per relation between the laid-out boxes.
// Relations between the same two models (`User.posts`, `User.publishedPosts`, `Post.author`) fan
// out side by side; each label then slides along its own curve to a spot where it hides no other
// label and no box. Pure.
import type { ModelSummary, RelationSummary } from '../../server/src/protocol'

/** Of the monospace 11px label font; model names are measured in their bold 13px font. */
const CHAR_WIDTH = 7
const NAME_CHAR_WIDTH = 8.6
/** Horizontal distance between relations of the same two models. */
const FAN = 120
/** Vertical distance between their labels: one label's height and a gap. */
const LABEL_STEP = 22

export interface LayoutNode {
  name: string
  table: string
  uri: string
  line: number
  /** A related model the app does not define (drawn dashed, not clickable). */
  ghost: boolean
  layer: number
  x: number
  y: number
  width: number
  height: number
}

export interface LayoutEdge {
  /** `User.posts -> Post`. */
  id: string
  from: string
  to: string
  relation: string
  kind: string
  label: string
  problems: string[]
  /** SVG path data. */
  path: string
  /** The cubic's four points (x, y pairs); a self relation's label sits beside it, not on it. */
  curve: number[]
  self: boolean
  labelX: number
  labelY: number
  labelWidth: number
}

export function textWidth(text: string, bold = false): number {
  return Math.ceil(text.length * (bold ? NAME_CHAR_WIDTH : CHAR_WIDTH))
}

/** `posts: id → userId`; belongsTo reads from its own foreign key to the related key. */
export function edgeLabel(relation: RelationSummary): string {
  const { localKey, foreignKey } = relation
  if (!localKey || !foreignKey) return `${relation.name} (${relation.kind})`
  return relation.kind === 'belongsTo'
    ? `${relation.name}: ${foreignKey} → ${localKey}`
    : `${relation.name}: ${localKey} → ${foreignKey}`
}

export function layoutEdges(models: readonly ModelSummary[], nodes: Map<string, LayoutNode>): LayoutEdge[] {
  const groups = new Map<string, Array<{ model: ModelSummary; relation: RelationSummary }>>()
  // By model name: the drawing must not depend on the order the server lists the models in.
  for (const model of [...models].sort((a, b) => a.name.localeCompare(b.name)))
    for (const relation of model.relations) {
      if (!nodes.has(model.name) || !nodes.has(relation.relatedModel)) continue
      const pair = [model.name, relation.relatedModel].sort().join('\u0000')
      groups.set(pair, [...(groups.get(pair) ?? []), { model, relation }])
    }
  const edges: LayoutEdge[] = []
  for (const group of groups.values())
    group.forEach(({ model, relation }, index) => {
      const from = nodes.get(model.name) as LayoutNode
      const to = nodes.get(relation.relatedModel) as LayoutNode
      const problems = relation.problems.length ? ` ⚠ ${relation.problems.join(' ')}` : ''
      const label = edgeLabel(relation) + problems
      const labelWidth = textWidth(label) + 10
      const offset = index - (group.length - 1) / 2
      edges.push({
        id: `${model.name}.${relation.name} -> ${relation.relatedModel}`,
        from: model.name,
        to: relation.relatedModel,
        relation: relation.name,
        kind: relation.kind,
        label,
        problems: relation.problems,
        self: from === to,
        ...(from === to ? selfLoop(from, index, labelWidth) : curve(from, to, offset)),
        labelWidth,
      })
    })
  return edges
}

function curve(from: LayoutNode, to: LayoutNode, offset: number) {
  const spread = offset * FAN
  if (from.layer === to.layer) {
    const [left, right] = from.x < to.x ? [from, to] : [to, from]
    const startX = from === left ? left.x + left.width : left.x
    const endX = to === right ? right.x : right.x + right.width
    const y = from.y + from.height / 2
    const lift = 50 + Math.abs(spread)
    return cubic([startX, y, startX, y - lift, endX, y - lift, endX, y])
  }
  const fromX = from.x + from.width / 2
  const toX = to.x + to.width / 2
  const down = to.y > from.y
  const startY = down ? from.y + from.height : from.y
  const endY = down ? to.y : to.y + to.height
  const bend = (endY - startY) / 2
  return cubic([fromX, startY, fromX + spread, startY + bend, toX + spread, endY - bend, toX, endY])
}

function cubic(points: number[]) {
  const [x0, y0, x1, y1, x2, y2, x3, y3] = points
  const [labelX, labelY] = pointAt(points, 0.5)
  return { path: `M ${x0} ${y0} C ${x1} ${y1} ${x2} ${y2} ${x3} ${y3}`, curve: points, labelX, labelY }
}

/** The point at `t` of a cubic Bézier curve given as [x0, y0, ..., x3, y3]. */
export function pointAt(points: readonly number[], t: number): [number, number] {
  const u = 1 - t
  const weights = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t]
  const coordinate = (offset: number) =>
    weights.reduce((sum, weight, i) => sum + weight * (points[i * 2 + offset] ?? 0), 0)
  return [coordinate(0), coordinate(1)]
}

function selfLoop(node: LayoutNode, index: number, labelWidth: number) {
  const reach = 50 + index * 30
  const x = node.x + node.width
  const top = node.y + 10
  const bottom = node.y + node.height - 10
  const points = [x, top, x + reach, top - 30, x + reach, bottom + 30, x, bottom]
  return {
    ...cubic(points),
    labelX: x + reach * 0.75 + 6 + labelWidth / 2,
    labelY: node.y + node.height / 2 + index * LABEL_STEP,
  }
}

interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

const LABEL_HEIGHT = 18
/** Where on its curve a label may sit, best first; the ends are left to the boxes and arrows. */
const ALONG = [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8]

/**
 * Moves each label up or down (then sideways) to the nearest spot where it covers no box and no
 * label placed before it. A label that finds none stays where its curve put it.
 */
export function separateLabels(edges: readonly LayoutEdge[], nodes: readonly LayoutNode[]): LayoutEdge[] {
  const placed: Box[] = nodes.map((n) => ({
    left: n.x,
    right: n.x + n.width,
    top: n.y,
    bottom: n.y + n.height,
  }))
  const box = (edge: LayoutEdge, dx: number, dy: number): Box => ({
    left: edge.labelX + dx - edge.labelWidth / 2 - 2,
    right: edge.labelX + dx + edge.labelWidth / 2 + 2,
    top: edge.labelY + dy - LABEL_HEIGHT / 2 - 2,
    bottom: edge.labelY + dy + LABEL_HEIGHT / 2 + 2,
  })
  const free = (candidate: Box) =>
    !placed.some(
      (other) =>
        candidate.left < other.right &&
        other.left < candidate.right &&
        candidate.top < other.bottom &&
        other.top < candidate.bottom,
    )
  const nudges: Array<[number, number]> = []
  for (const dx of [0, -80, 80])
    for (let step = 0; step <= 6; step++) {
      nudges.push([dx, step * LABEL_STEP])
      if (step) nudges.push([dx, -step * LABEL_STEP])
    }
  return edges.map((edge) => {
    // On its own curve first (from the middle outwards), so the label stays on its line.
    const along: Array<[number, number]> = edge.self
      ? []
      : ALONG.map((t) => {
          const [x, y] = pointAt(edge.curve, t)
          return [x - edge.labelX, y - edge.labelY]
        })
    const [dx, dy] = [...along, ...nudges].find(([x, y]) => free(box(edge, x, y))) ?? [0, 0]
    placed.push(box(edge, dx, dy))
    return { ...edge, labelX: edge.labelX + dx, labelY: edge.labelY + dy }
  })
}
