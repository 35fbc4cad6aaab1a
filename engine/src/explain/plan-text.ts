// One line of words per plan node, the same in the terminal and in the preview panel:
// `Seq Scan on posts · filter (user_id = ANY (...)) · rows 3 est · 3 actual · 0.02 ms`.
import type { PlanNode, StatementPlan } from './plan-tree'

export interface NodeText {
  /** `Seq Scan on posts`, `SEARCH users using PRIMARY KEY`, `ref on posts using posts_user_id_index`. */
  title: string
  /** `filter user_id = 1`, `rows 3 est`, `3 actual`, `0.02 ms`; only what the database gave. */
  facts: string[]
}

export function nodeText(node: PlanNode): NodeText {
  let title = node.operation
  if (node.table) title += ` on ${node.table}`
  if (node.index) title += ` using ${node.index}`
  const facts: string[] = []
  if (node.fullScan) facts.push('full scan')
  if (node.condition) facts.push(`${node.index ? 'by' : 'filter'} ${node.condition}`)
  if (node.rowsEstimated !== undefined) facts.push(`rows ${node.rowsEstimated} est`)
  if (node.rowsActual !== undefined) facts.push(`${node.rowsActual} actual`)
  if (node.timeMs !== undefined) facts.push(`${formatMs(node.timeMs)} ms`)
  return { title, facts }
}

/** `PostgreSQL plan (ANALYZE)`. */
export function planHeading(plan: StatementPlan): string {
  const names = { postgres: 'PostgreSQL', mysql: 'MySQL', mariadb: 'MariaDB', sqlite: 'SQLite' }
  return `${names[plan.dialect]} plan${plan.analyzed ? ' (ANALYZE)' : ''}`
}

/** The plan as indented lines: the terminal's `lucid-lens preview --explain`. */
export function planLines(plan: StatementPlan, indent = '  '): string[] {
  const out = [`${indent}${planHeading(plan)}`]
  const walk = (nodes: readonly PlanNode[], depth: number) => {
    for (const node of nodes) {
      const { title, facts } = nodeText(node)
      const pad = `${indent}${'  '.repeat(depth)}`
      out.push(`${pad}└ ${[title, ...facts].join(' · ')}`)
      if (node.foreignKeyScan) out.push(`${pad}  ! ${node.foreignKeyScan.message}`)
      walk(node.children, depth + 1)
    }
  }
  walk(plan.nodes, 1)
  for (const note of plan.notes) out.push(`${indent}note: ${note}`)
  return out
}

function formatMs(ms: number): string {
  return ms >= 10 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(3)
}
