// The relationship graph's page: per app, two SVGs laid out by graph-layout: the models and their
// relations, and the same as an ER diagram (each model's columns, keys marked), which a toggle shows
// instead. Models are focusable buttons (Enter or a click opens the model's file); relations with
// findings are drawn red. Pure.
import * as path from 'node:path'
import type { AppModels } from '../../server/src/protocol'
import { layoutGraph, type GraphLayout, type LayoutEdge, type LayoutNode } from './graph-layout'
import { HEADER_HEIGHT, ROW_HEIGHT } from './graph-shapes'
import { escapeHtml, page, type PageAssets } from './html'

export const GRAPH_TITLE = 'Lucid: Relationship Graph'

export async function graphHtml(apps: readonly AppModels[], assets: PageAssets): Promise<string> {
  const withModels = apps.filter((app) => app.models.length > 0)
  const sections = await Promise.all(
    withModels.map(async (app, index) => {
      const [relations, er] = await Promise.all([layoutGraph(app.models), layoutGraph(app.models, 'er')])
      return appSection(app, index, withModels.length > 1, [relations, er])
    }),
  )
  const body = [
    '<header>',
    `<h1>${escapeHtml(GRAPH_TITLE)}</h1>`,
    '<p class="help">Click a model, or focus it with Tab and press Enter, to open its file. Scroll to zoom, drag to pan.</p>',
    legend(),
    withModels.length ? toolbar() : '',
    '</header>',
    ...(withModels.length ? sections : ['<p class="empty">No Lucid models found in this workspace.</p>']),
  ]
  const names = [...new Set(withModels.flatMap((app) => app.models.map((model) => model.name)))].sort()
  body.push(
    `<datalist id="graph-models">${names.map((name) => `<option value="${escapeHtml(name)}"></option>`).join('')}</datalist>`,
  )
  return page(GRAPH_TITLE, assets, body.join('\n'))
}

/** The view toggle, the search box (a model and its neighbours) and zoom: wheel, drag, or these. */
function toolbar(): string {
  return [
    '<div class="toolbar" role="toolbar" aria-label="Graph">',
    '<button type="button" class="mode-toggle" aria-pressed="false">Show columns (ER diagram)</button>',
    '<input type="search" class="model-search" placeholder="Focus a model…" aria-label="Focus a model and its neighbours" list="graph-models"/>',
    '<button type="button" class="zoom" data-zoom="in" aria-label="Zoom in" title="Zoom in">+</button>',
    '<button type="button" class="zoom" data-zoom="out" aria-label="Zoom out" title="Zoom out">−</button>',
    '<button type="button" class="zoom" data-zoom="fit" title="Fit the graph to the panel">Fit</button>',
    '</div>',
  ].join('')
}

function legend(): string {
  const swatch = (cls: string) =>
    `<svg class="swatch" width="36" height="12" aria-hidden="true"><line class="${cls}" x1="2" y1="6" x2="34" y2="6"/></svg>`
  return [
    '<ul class="legend" aria-label="Legend">',
    `<li>${swatch('edge-line')} relation: <code>name: local key → foreign key</code></li>`,
    `<li>${swatch('edge-line problem-line')} relation with findings (see Problems)</li>`,
    '<li><svg class="swatch" width="36" height="14" aria-hidden="true"><rect class="ghost-box" x="2" y="2" width="32" height="10"/></svg> related class that is not a model of the app</li>',
    '</ul>',
  ].join('')
}

function appSection(app: AppModels, index: number, named: boolean, layouts: GraphLayout[]): string {
  const name = path.basename(app.root) || app.root
  return [
    `<section class="app" aria-label="${escapeHtml(`Models of ${name}`)}">`,
    named ? `<h2>${escapeHtml(name)}</h2>` : '',
    ...layouts.map((layout) => graphView(layout, `${index}-${layout.mode}`)),
    '</section>',
  ].join('\n')
}

/** One drawing; the ER diagram starts hidden and the toggle (graph.js) swaps the two. */
function graphView(layout: GraphLayout, index: string): string {
  const marker = (id: string, cls: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path class="${cls}" d="M 0 0 L 10 5 L 0 10 z"/></marker>`
  const arrow = `arrow-${index}`
  const problemArrow = `arrow-problem-${index}`
  return [
    `<div class="graph-wrap view" data-view="${layout.mode}"${layout.mode === 'er' ? ' hidden' : ''}>`,
    // Sized by the page (graph.js fits the whole drawing to the panel); the viewBox is the camera.
    `<svg class="graph" data-width="${layout.width}" data-height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" preserveAspectRatio="xMidYMid meet">`,
    `<defs>${marker(arrow, 'arrow-head')}${marker(problemArrow, 'arrow-head problem-head')}</defs>`,
    '<g class="edges">',
    ...layout.edges.map((edge) => edgeLine(edge, edge.problems.length ? problemArrow : arrow)),
    '</g>',
    '<g class="nodes">',
    ...layout.nodes.map(nodeSvg),
    '</g>',
    '<g class="labels">',
    ...layout.edges.map(edgeLabelSvg),
    '</g>',
    '</svg>',
    '</div>',
  ].join('\n')
}

/** The line, under every box and label. */
function edgeLine(edge: LayoutEdge, markerId: string): string {
  const problem = edge.problems.length > 0
  const description =
    `${edge.from}.${edge.relation}: ${edge.kind} ${edge.to}` +
    (problem ? ` (findings: ${edge.problems.join(', ')})` : '')
  return (
    `<g class="edge${problem ? ' problem' : ''}" data-edge="${escapeHtml(edge.id)}" data-from="${escapeHtml(edge.from)}" data-to="${escapeHtml(edge.to)}">` +
    `<title>${escapeHtml(description)}</title>` +
    `<path class="edge-line${problem ? ' problem-line' : ''}" d="${edge.path}" marker-end="url(#${markerId})"/></g>`
  )
}

/** The label, drawn after every line so that no line crosses it. */
function edgeLabelSvg(edge: LayoutEdge): string {
  const problem = edge.problems.length > 0
  const width = edge.labelWidth
  return (
    `<g class="edge-label-group${problem ? ' problem' : ''}" data-for="${escapeHtml(edge.id)}">` +
    `<rect class="label-bg" x="${round(edge.labelX - width / 2)}" y="${round(edge.labelY - 9)}" width="${round(width)}" height="18" rx="3"/>` +
    `<text class="edge-label" x="${round(edge.labelX)}" y="${round(edge.labelY + 4)}" text-anchor="middle">${escapeHtml(edge.label)}</text></g>`
  )
}

function nodeSvg(node: LayoutNode): string {
  const centerX = round(node.x + node.width / 2)
  const shapes =
    `<rect class="${node.ghost ? 'ghost-box' : 'box'}" x="${round(node.x)}" y="${round(node.y)}" width="${round(node.width)}" height="${round(node.height)}" rx="5"/>` +
    `<text class="node-name" x="${centerX}" y="${round(node.y + 19)}" text-anchor="middle">${escapeHtml(node.name)}</text>` +
    `<text class="node-table" x="${centerX}" y="${round(node.y + 36)}" text-anchor="middle">${escapeHtml(node.table)}</text>` +
    columnRows(node)
  if (node.ghost) return `<g class="node ghost" data-ghost="${escapeHtml(node.name)}">${shapes}</g>`
  return (
    `<g class="node" data-model="${escapeHtml(node.name)}" data-uri="${escapeHtml(node.uri)}" data-line="${node.line}"` +
    ` tabindex="0" role="button" aria-label="${escapeHtml(`${node.name} (table ${node.table}): open its file`)}">` +
    `${shapes}</g>`
  )
}

/** An ER box's rows under its header: the key marks, then the column's property name. */
function columnRows(node: LayoutNode): string {
  if (node.columns.length === 0) return ''
  const left = round(node.x + 8)
  const separator = `<line class="row-separator" x1="${round(node.x)}" y1="${round(node.y + HEADER_HEIGHT)}" x2="${round(node.x + node.width)}" y2="${round(node.y + HEADER_HEIGHT)}"/>`
  const rows = node.columns.map((column, i) => {
    const y = round(node.y + HEADER_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2 + 4)
    const key = column.key ? `<tspan class="column-key">${escapeHtml(column.key)}</tspan>` : ''
    return (
      `<text class="column${column.key ? ' key' : ''}" x="${left}" y="${y}" data-column="${escapeHtml(column.name)}">` +
      `${key}<tspan x="${round(node.x + 44)}">${escapeHtml(column.name)}</tspan></text>`
    )
  })
  return separator + rows.join('')
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
