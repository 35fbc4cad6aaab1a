// The relationship graph's page: one SVG per app, laid out by graph-layout. Models are focusable
// buttons (Enter or a click opens the model's file); relations with findings are drawn red. Pure.
import * as path from 'node:path'
import type { AppModels } from '../../server/src/protocol'
import { layoutGraph, NODE_HEIGHT, type LayoutEdge, type LayoutNode } from './graph-layout'
import { escapeHtml, page, type PageAssets } from './html'

export const GRAPH_TITLE = 'Lucid: Relationship Graph'

export function graphHtml(apps: readonly AppModels[], assets: PageAssets): string {
  const withModels = apps.filter((app) => app.models.length > 0)
  const body = [
    '<header>',
    `<h1>${escapeHtml(GRAPH_TITLE)}</h1>`,
    '<p class="help">Click a model, or focus it with Tab and press Enter, to open its file.</p>',
    legend(),
    '</header>',
    ...(withModels.length
      ? withModels.map((app, index) => appSection(app, index, withModels.length > 1))
      : ['<p class="empty">No Lucid models found in this workspace.</p>']),
  ]
  return page(GRAPH_TITLE, assets, body.join('\n'))
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

function appSection(app: AppModels, index: number, named: boolean): string {
  const layout = layoutGraph(app.models)
  const name = path.basename(app.root) || app.root
  const marker = (id: string, cls: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path class="${cls}" d="M 0 0 L 10 5 L 0 10 z"/></marker>`
  const arrow = `arrow-${index}`
  const problemArrow = `arrow-problem-${index}`
  return [
    `<section class="app" aria-label="${escapeHtml(`Models of ${name}`)}">`,
    named ? `<h2>${escapeHtml(name)}</h2>` : '',
    '<div class="graph-wrap">',
    `<svg class="graph" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
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
    '</section>',
  ].join('\n')
}

/** The line, under every box and label. */
function edgeLine(edge: LayoutEdge, markerId: string): string {
  const problem = edge.problems.length > 0
  const description =
    `${edge.from}.${edge.relation}: ${edge.kind} ${edge.to}` +
    (problem ? ` (findings: ${edge.problems.join(', ')})` : '')
  return (
    `<g class="edge${problem ? ' problem' : ''}" data-edge="${escapeHtml(edge.id)}">` +
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
    `<rect class="${node.ghost ? 'ghost-box' : 'box'}" x="${round(node.x)}" y="${round(node.y)}" width="${round(node.width)}" height="${NODE_HEIGHT}" rx="5"/>` +
    `<text class="node-name" x="${centerX}" y="${round(node.y + 19)}" text-anchor="middle">${escapeHtml(node.name)}</text>` +
    `<text class="node-table" x="${centerX}" y="${round(node.y + 36)}" text-anchor="middle">${escapeHtml(node.table)}</text>`
  if (node.ghost) return `<g class="node ghost" data-ghost="${escapeHtml(node.name)}">${shapes}</g>`
  return (
    `<g class="node" data-model="${escapeHtml(node.name)}" data-uri="${escapeHtml(node.uri)}" data-line="${node.line}"` +
    ` tabindex="0" role="button" aria-label="${escapeHtml(`${node.name} (table ${node.table}): open its file`)}">` +
    `${shapes}</g>`
  )
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
