// What the relationship graph draws, before and after layout: the boxes' sizes (a model's name and
// table, or as an ER diagram its columns with the keys marked), the edge labels, and the laid-out
// shapes graph-html turns into SVG. Pure.
import type { ModelSummary, RelationSummary } from '../../server/src/protocol'
import { relationLabel } from './relation-label'

/** Of the monospace 11px label font; model names are measured in their bold 13px font. */
const CHAR_WIDTH = 7
const NAME_CHAR_WIDTH = 8.6
const NODE_PADDING = 28
export const NODE_HEIGHT = 46
export const LABEL_HEIGHT = 18
/** An ER box: the name and table in the header, then one row per column. */
export const HEADER_HEIGHT = 46
export const ROW_HEIGHT = 18
/** The key marks' column in an ER box (`PK`, `FK`, `PK FK`). */
const KEY_WIDTH = 44

export type GraphMode = 'relations' | 'er'

export interface LayoutColumn {
  name: string
  /** `PK`, `FK`, `PK FK` or empty. */
  key: string
}

export interface LayoutNode {
  name: string
  table: string
  uri: string
  line: number
  /** A related model the app does not define (drawn dashed, not clickable). */
  ghost: boolean
  /** The rank ELK gave it: top to bottom, or left to right in an ER diagram. */
  layer: number
  x: number
  y: number
  width: number
  height: number
  /** Its columns, in an ER diagram; empty otherwise. */
  columns: LayoutColumn[]
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
  /** SVG path data, from the declaring model to the related one. */
  path: string
  self: boolean
  /** The label box's centre and width; its height is LABEL_HEIGHT. */
  labelX: number
  labelY: number
  labelWidth: number
}

export interface GraphLayout {
  mode: GraphMode
  width: number
  height: number
  nodes: LayoutNode[]
  edges: LayoutEdge[]
}

export function textWidth(text: string, bold = false): number {
  return Math.ceil(text.length * (bold ? NAME_CHAR_WIDTH : CHAR_WIDTH))
}

/** `posts: id → userId`; belongsTo reads from its own foreign key to the related key. */
/** The pickers' wording: a manyToMany reads by its pivot table, a hasManyThrough by the model between. */
export function edgeLabel(relation: RelationSummary): string {
  return relationLabel(relation)
}

export function plainNodeSize(
  name: string,
  model: ModelSummary | undefined,
): { width: number; height: number } {
  const width = Math.max(textWidth(name, true), textWidth(model?.table ?? 'not a model of this app'))
  return { width: width + NODE_PADDING, height: NODE_HEIGHT }
}

export function erNodeSize(model: ModelSummary): { width: number; height: number } {
  const widest = Math.max(0, ...model.columns.map((column) => textWidth(column)))
  const width = Math.max(plainNodeSize(model.name, model).width, widest + KEY_WIDTH + NODE_PADDING / 2)
  return { width, height: HEADER_HEIGHT + model.columns.length * ROW_HEIGHT + 6 }
}

/**
 * The key marks of every model's columns: its primary key (PK), and the columns other models'
 * relations use as foreign keys on it (FK): hasMany/hasOne keys on the related model, belongsTo keys
 * on the declaring one.
 */
export function keyColumns(models: readonly ModelSummary[]): Map<string, Map<string, string>> {
  const marks = new Map<string, Map<string, Set<string>>>()
  const mark = (model: string, column: string | undefined, key: string) => {
    if (!column) return
    const columns = marks.get(model) ?? new Map<string, Set<string>>()
    columns.set(column, (columns.get(column) ?? new Set()).add(key))
    marks.set(model, columns)
  }
  for (const model of models) {
    mark(model.name, model.primaryKey, 'PK')
    for (const relation of model.relations) {
      if (relation.kind === 'belongsTo') mark(model.name, relation.foreignKey, 'FK')
      else if (relation.kind === 'hasMany' || relation.kind === 'hasOne')
        mark(relation.relatedModel, relation.foreignKey, 'FK')
    }
  }
  return new Map(
    [...marks].map(([model, columns]) => [
      model,
      new Map(
        [...columns].map(([column, keys]) => [column, ['PK', 'FK'].filter((k) => keys.has(k)).join(' ')]),
      ),
    ]),
  )
}
