// The preview panel's page: the expression and target, each statement's SQL with its bindings and
// time, then the rows (nested relations in <details>, keyboard accessible without a script), or the
// error with its hint. Built here rather than in the webview so it is tested as text; the webview's
// script only wires the buttons and reports what it shows. Pure.
import type { ExecutedStatement, PreviewResult } from '../../engine/src/query/result'
import { escapeHtml, page, type PageAssets } from './html'
import { planHtml } from './plan-html'
import { cellText, topLevel, type Cell, type Table } from './result-table'

export type PanelAnswer =
  | { kind: 'result'; dryRun: boolean; target: string; result: PreviewResult }
  | { kind: 'error'; message: string; hint?: string; code?: string }
  /** No database to run on: the statements Lucid would send, never run. */
  | SqlOnlyAnswer

export interface SqlOnlyAnswer {
  kind: 'sql'
  dialect: string
  statements: ExecutedStatement[]
  warnings: string[]
  message: string
  hint?: string
  code?: string
}

export interface PanelContent {
  /** The panel's title: `Lucid: User.posts`. */
  title: string
  expression: string
  answer: PanelAnswer
}

/** Strings longer than this are cut in the cell; the whole value is in its tooltip. */
const LONG_TEXT = 80

export function previewHtml(content: PanelContent, assets: PageAssets): string {
  const { answer } = content
  const hasRows =
    answer.kind === 'result' && topLevel(answer.result.result, answer.result.extras).kind !== 'none'
  const body = [
    '<header>',
    `<h1 id="title">${escapeHtml(content.title)}</h1>`,
    `<pre id="expression" class="expression">${escapeHtml(content.expression)}</pre>`,
    answer.kind === 'result' ? `<p id="target" class="target">${escapeHtml(answer.target)}</p>` : '',
    toolbar(answer.kind, hasRows),
    '</header>',
    answer.kind === 'result'
      ? resultSection(answer)
      : answer.kind === 'sql'
        ? sqlOnlySection(answer)
        : errorSection(answer),
  ]
  return page(content.title, assets, body.filter(Boolean).join('\n'))
}

/** `canRun`: false where no database is there to run on (a SQL-only answer), so nothing to explain. */
/** The actions an answer allows: SQL to copy unless it failed, JSON of a run, EXPLAIN unless SQL-only. */
function toolbar(kind: PanelAnswer['kind'], hasRows: boolean): string {
  const hasSql = kind !== 'error'
  const ran = kind === 'result'
  const canRun = kind !== 'sql'
  const button = (action: string, label: string, enabled: boolean) =>
    `<button type="button" data-action="${action}"${enabled ? '' : ' disabled'}>${label}</button>`
  return [
    '<div class="toolbar" role="toolbar" aria-label="Preview actions">',
    button('rerun', 'Re-run', true),
    button('copySql', 'Copy SQL', hasSql),
    button('exportCsv', 'Export CSV', hasRows),
    button('exportJson', 'Export JSON', ran),
    button('explain', 'Explain', canRun),
    button('explainAnalyze', 'Explain analyze', canRun),
    '</div>',
  ].join('')
}

function errorSection(answer: Extract<PanelAnswer, { kind: 'error' }>): string {
  return [
    '<section id="error" class="error" role="alert">',
    `<p class="message">${escapeHtml(answer.message)}</p>`,
    answer.hint ? `<p class="hint">${escapeHtml(answer.hint)}</p>` : '',
    answer.code ? `<p class="code">${escapeHtml(answer.code)}</p>` : '',
    '</section>',
  ].join('\n')
}

/** Why nothing ran and how to connect a database, then the SQL Lucid would send. */
function sqlOnlySection(answer: SqlOnlyAnswer): string {
  const items = answer.statements.map(
    (statement) =>
      `<li class="statement"><pre class="sql">${escapeHtml(statement.sql)}</pre>` +
      `<p class="statement-meta">${escapeHtml(`bindings ${JSON.stringify(statement.bindings)}`)}</p></li>`,
  )
  return [
    '<section id="not-run" class="banner" role="status">',
    `<p class="message"><strong>${escapeHtml(answer.message)}</strong></p>`,
    answer.hint ? `<p class="hint">${escapeHtml(answer.hint)}</p>` : '',
    `<p class="note">The SQL Lucid would send (${escapeHtml(answer.dialect)}); values read from rows are ` +
      'placeholders like &lt;User.id&gt;, and a real run sends a statement only when the rows above it exist.</p>',
    '</section>',
    '<section class="statements" aria-label="Statements">',
    `<h2>SQL (${answer.statements.length})</h2>`,
    `<ol>${items.join('')}</ol>`,
    '</section>',
    answer.warnings.length
      ? '<section class="warnings" aria-label="Warnings"><ul>' +
        answer.warnings.map((warning) => `<li class="warning">${escapeHtml(warning)}</li>`).join('') +
        '</ul></section>'
      : '',
  ]
    .filter(Boolean)
    .join('\n')
}

function resultSection(answer: Extract<PanelAnswer, { kind: 'result' }>): string {
  const { result } = answer
  const parts: string[] = []
  if (answer.dryRun || result.dryRun)
    parts.push(
      '<div id="dry-run" class="banner" role="status"><strong>Dry run: rolled back.</strong> ' +
        'The writes ran in a transaction that was rolled back: nothing was saved.</div>',
    )
  parts.push(statementsSection(result.statements))
  if (result.warnings.length)
    parts.push(
      '<section class="warnings" aria-label="Warnings"><ul>',
      ...result.warnings.map((warning) => `<li class="warning">${escapeHtml(warning)}</li>`),
      '</ul></section>',
    )
  if (result.truncated) {
    const capped = result.statements.find((statement) => statement.truncated)
    parts.push(
      `<p id="truncation" class="truncation">showing ${capped?.rowCount ?? 0} of more</p>`,
      '<p class="note">A statement found more rows than the row cap (lucidLens.preview.rowCap): only the ' +
        'first were read, and nothing was loaded for the rows left out.</p>',
    )
  }
  parts.push(rowsSection(result))
  return parts.join('\n')
}

function statementsSection(statements: ExecutedStatement[]): string {
  const items = statements.map((statement) => {
    const count =
      statement.affectedRows === undefined
        ? `${statement.rowCount} row${statement.rowCount === 1 ? '' : 's'}${statement.truncated ? ' (more exist)' : ''}`
        : `${statement.affectedRows} affected`
    const meta = `bindings ${JSON.stringify(statement.bindings)} · ${statement.durationMs.toFixed(1)} ms · ${count}`
    return (
      `<li class="statement"><pre class="sql">${escapeHtml(statement.sql)}</pre>` +
      `<p class="statement-meta">${escapeHtml(meta)}</p>${statement.plan ? planHtml(statement.plan) : ''}</li>`
    )
  })
  return [
    '<section class="statements" aria-label="Statements">',
    `<h2>Statements (${statements.length})</h2>`,
    items.length ? `<ol>${items.join('')}</ol>` : '<p class="empty">No statement ran.</p>',
    '</section>',
  ].join('\n')
}

function rowsSection(result: PreviewResult): string {
  const top = topLevel(result.result, result.extras)
  if (top.kind === 'none')
    return '<section class="result"><h2>Result</h2><p class="empty">null: no row matched.</p></section>'
  if (top.kind === 'affected')
    return `<section class="result"><h2>Result</h2><p class="affected">Affected rows: ${escapeHtml(top.counts.join(', '))}</p></section>`
  const meta = top.meta
    ? `<p class="page-meta">page: ${escapeHtml(
        Object.entries(top.meta)
          .map(([key, value]) => `${key} ${cellText(value)}`)
          .join(' · '),
      )}</p>`
    : ''
  const count = top.table.rows.length
  return [
    '<section class="result" aria-label="Rows">',
    `<h2>Rows (${count})</h2>`,
    meta,
    count ? `<div class="table-wrap">${tableHtml(top.table, 'rows')}</div>` : '<p class="empty">No rows.</p>',
    '</section>',
  ].join('\n')
}

export function tableHtml(table: Table, id?: string): string {
  const head = table.columns
    .map((column) => {
      const title = column.kind === 'extra' ? ' title="From $extras"' : ''
      return `<th scope="col" class="${column.kind}"${title}>${escapeHtml(column.header)}</th>`
    })
    .join('')
  const body = table.rows.map((cells) => `<tr>${cells.map(cellHtml).join('')}</tr>`).join('')
  const attributes = id ? ` id="${id}" class="rows"` : ' class="rows nested-rows"'
  return `<table${attributes}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`
}

function cellHtml(cell: Cell): string {
  if (cell.kind === 'value') return `<td>${valueHtml(cell.value)}</td>`
  if (!cell.table) return `<td>${valueHtml(cell.value)}</td>`
  const count = cell.table.rows.length
  if (count === 0) return `<td><span class="empty">0 rows</span></td>`
  const summary = `${cell.name} · ${cell.many ? `${count} row${count === 1 ? '' : 's'}` : '1 row'}`
  return (
    `<td class="relation"><details class="nested" data-relation="${escapeHtml(cell.name)}">` +
    `<summary>${escapeHtml(summary)}</summary>${tableHtml(cell.table)}</details></td>`
  )
}

function valueHtml(value: unknown): string {
  if (value === undefined) return ''
  if (value === null) return '<span class="null">null</span>'
  if (typeof value === 'number' || typeof value === 'boolean')
    return `<span class="${typeof value}">${escapeHtml(String(value))}</span>`
  const text = cellText(value)
  const kind = typeof value === 'string' ? 'string' : 'json'
  if (text.length <= LONG_TEXT) return `<span class="${kind}">${escapeHtml(text)}</span>`
  return `<span class="${kind}" title="${escapeHtml(text)}">${escapeHtml(text.slice(0, LONG_TEXT - 1))}…</span>`
}
