// The "Plan" of one statement in the preview panel: the database's query plan as a tree (nested
// lists, readable without a script), each step with its table, index, condition, rows estimated and
// actual and time, and on a full scan of a relation's key the LL405 hint. Pure; every value escaped.
import { nodeText, planHeading } from '../../engine/src/explain/plan-text'
import type { PlanNode, StatementPlan } from '../../engine/src/explain/plan-tree'
import { escapeHtml } from './html'

export function planHtml(plan: StatementPlan): string {
  const notes = plan.notes.map((note) => `<p class="plan-note">${escapeHtml(note)}</p>`).join('')
  return (
    `<section class="plan" aria-label="Plan"><h3>${escapeHtml(planHeading(plan))}</h3>` +
    (plan.nodes.length ? nodesHtml(plan.nodes, true) : '<p class="empty">The database gave no steps.</p>') +
    `${notes}</section>`
  )
}

function nodesHtml(nodes: readonly PlanNode[], root = false): string {
  const items = nodes.map((node) => {
    const { title, facts } = nodeText(node)
    const hint = node.foreignKeyScan
      ? `<p class="plan-hint" data-code="${node.foreignKeyScan.code}">` +
        `<span class="plan-hint-text">${escapeHtml(node.foreignKeyScan.message)}</span> ` +
        `<button type="button" class="link" data-action="showRelation" data-relation="${escapeHtml(node.foreignKeyScan.relation)}" data-code="${node.foreignKeyScan.code}">` +
        `Show ${escapeHtml(node.foreignKeyScan.relation)}</button></p>`
      : ''
    const children = node.children.length ? nodesHtml(node.children) : ''
    return (
      `<li class="plan-node${node.fullScan ? ' full-scan' : ''}" role="treeitem" aria-expanded="true">` +
      `<p class="plan-line"><span class="plan-title">${escapeHtml(title)}</span>` +
      facts.map((fact) => ` <span class="plan-fact">· ${escapeHtml(fact)}</span>`).join('') +
      `</p>${hint}${children}</li>`
    )
  })
  return `<ul class="plan-tree" role="${root ? 'tree' : 'group'}">${items.join('')}</ul>`
}
