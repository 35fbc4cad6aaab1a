// LL502: `post.author.fullName`, `user.posts.length`, `for (const c of post.comments)` on rows the
// function fetched itself with a query that did not preload the relation. Lucid never lazy-loads:
// the property is undefined. Reported only when nothing in the function could have loaded it.
import type * as TS from 'typescript'
import { finding, type Finding, type FindingFix } from '../finding'
import type { TsModule } from '../syntax'
import { mayAutoPreload } from './auto-preload'
import { isWithin, rowName } from './loop-syntax'
import { rowLoopOf } from './row-loops'
import {
  constDeclaration,
  declarationOf,
  rowsOrigin,
  type OriginContext,
  type RowsOrigin,
} from './rows-origin'

/** Calls that may load relations on rows when their first argument is not a known other relation. */
const LOADERS = new Set(['load', 'loadOnce', 'preload', 'preloadOnce', '$setRelated', '$pushRelated'])
const CANDIDATE_TEXT = /\bawait\b[\s\S]*\.(query|find\w*|first\w*|all)\s*\(/

interface RowVariable {
  /** The row's own variable; none for an element read (`users[i]`). */
  decl?: TS.Declaration
  /** The row as the read names it: `user`, `users[i]`. */
  name: TS.Expression
  origin: RowsOrigin
  /** The array the row comes from, for loops: it must not leave the function either. */
  rows?: TS.Identifier
}

export function checkUnloadedRelations(ctx: OriginContext, file: TS.SourceFile): Finding[] {
  const { ts } = ctx
  if (!CANDIDATE_TEXT.test(file.text)) return []
  const out: Finding[] = []
  const seen = new Set<string>()
  const visit = (node: TS.Node): void => {
    const onRow =
      ts.isPropertyAccessExpression(node) &&
      (ts.isIdentifier(node.expression) || ts.isElementAccessExpression(node.expression))
    if (onRow && isDereferenced(ts, node)) {
      const result = check(ctx, node)
      const key = result && `${result.variable.decl?.pos ?? result.finding.message}:${result.relation}`
      if (result && key && !seen.has(key)) {
        seen.add(key)
        out.push(result.finding)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return out
}

/** `x.rel.y`, `x.rel[0]`, `for (... of x.rel)`: a read that needs the relation to be there. */
function isDereferenced(ts: TsModule, access: TS.PropertyAccessExpression): boolean {
  if (access.questionDotToken) return false
  const parent = access.parent
  if (!parent) return false
  if (
    (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) &&
    parent.expression === access
  )
    return !parent.questionDotToken
  return ts.isForOfStatement(parent) && parent.expression === access
}

function check(
  ctx: OriginContext,
  access: TS.PropertyAccessExpression,
): { finding: Finding; variable: RowVariable; relation: string } | undefined {
  const { ts } = ctx
  const relation = access.name.text
  const variable = rowVariable(ctx, access.expression)
  if (!variable) return undefined
  const { origin } = variable
  if (!origin.preloadsKnown || !origin.model.relations.has(relation) || origin.preloads.has(relation))
    return undefined
  if (mayAutoPreload(ctx, origin.model)) return undefined
  const scope = ts.findAncestor(origin.fetch, ts.isFunctionLike) ?? origin.fetch.getSourceFile()
  if (!isWithin(access, scope) || mayLoad(ctx, scope, relation, variable)) return undefined
  const where = origin.queryCall ?? origin.fetch
  const line = ts.getLineAndCharacterOfPosition(where.getSourceFile(), where.getStart()).line + 1
  const row = rowName(ts, variable.name)
  const remedy = origin.queryCall
    ? `Preload '${relation}' in that query.`
    : `Load it first: await ${row}.load('${relation}').`
  const message =
    `'${relation}' is never loaded on ${row}: the query at line ${line} does not preload it and Lucid ` +
    `does not lazy-load relations, so ${row}.${relation} is undefined here. ${remedy}`
  const fix = preloadFix(ctx, variable, relation)
  return {
    finding: finding('relationNotLoaded', access.name, message, fix ? { fix } : {}),
    variable,
    relation,
  }
}

/** A `const` fetched row, or the row of a loop over fetched rows. */
function rowVariable(ctx: OriginContext, name: TS.Expression): RowVariable | undefined {
  const { ts } = ctx
  const single = ts.isIdentifier(name) ? constDeclaration(ctx, name) : undefined
  if (single?.initializer && ts.isIdentifier(single.name)) {
    const origin = rowsOrigin(ctx, single.initializer)
    if (origin && !origin.many) return { decl: single, name: single.name, origin }
  }
  const loop = rowLoopOf(ctx, name)
  if (!loop) return undefined
  const decl = ts.isIdentifier(loop.row) ? declarationOf(ctx, loop.row) : undefined
  const rows = ts.isIdentifier(loop.rows) ? loop.rows : undefined
  return {
    name: loop.row,
    origin: loop.origin,
    ...(decl ? { decl } : {}),
    ...(rows ? { rows } : {}),
  }
}

/**
 * Could anything in `scope` load `relation` on these rows? A loader call naming it (or naming no
 * literal relation), or a row or its array handed to code we do not see.
 */
function mayLoad(ctx: OriginContext, scope: TS.Node, relation: string, variable: RowVariable): boolean {
  const { ts } = ctx
  const tracked = new Set<TS.Declaration>()
  if (variable.decl) tracked.add(variable.decl)
  const rows = variable.rows && declarationOf(ctx, variable.rows)
  if (rows) {
    tracked.add(rows)
    for (const alias of elementAliases(ctx, scope, rows)) tracked.add(alias)
  }
  let may = false
  const visit = (node: TS.Node): void => {
    if (may) return
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text
      const first = node.arguments[0]
      if (LOADERS.has(method) && !(first && ts.isStringLiteralLike(first) && first.text !== relation))
        may = true
    }
    if (ts.isIdentifier(node)) {
      const decl = declarationOf(ctx, node)
      if (decl && tracked.has(decl) && escapes(ts, rowUse(ts, node))) may = true
    }
    ts.forEachChild(node, visit)
  }
  visit(scope)
  return may
}

/** `const post = posts[i]`: other names for rows of the array, whose uses count as the rows'. */
function elementAliases(ctx: OriginContext, scope: TS.Node, rows: TS.Declaration): TS.Declaration[] {
  const { ts } = ctx
  const out: TS.Declaration[] = []
  const visit = (node: TS.Node): void => {
    const init = ts.isVariableDeclaration(node) ? node.initializer : undefined
    if (init && ts.isElementAccessExpression(init) && ts.isIdentifier(init.expression)) {
      if (declarationOf(ctx, init.expression) === rows) out.push(node as TS.VariableDeclaration)
    }
    ts.forEachChild(node, visit)
  }
  visit(scope)
  return out
}

/** `users[i]` is a row too: where it goes, the row goes. */
function rowUse(ts: TsModule, name: TS.Identifier): TS.Expression {
  const parent = name.parent
  return parent && ts.isElementAccessExpression(parent) && parent.expression === name ? parent : name
}

/** A use other than reading members, iterating, returning, or naming a row (`const user = users[i]`). */
function escapes(ts: TsModule, use: TS.Expression): boolean {
  const parent = use.parent
  if (!parent) return false
  if (
    (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) &&
    parent.expression === use
  )
    return false
  if (ts.isPropertyAccessExpression(parent) && parent.name === use) return false
  if ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.expression === use) return false
  if (ts.isVariableDeclaration(parent)) {
    // The alias is tracked itself (see elementAliases).
    const alias =
      parent.initializer === use && ts.isElementAccessExpression(use) && ts.isIdentifier(parent.name)
    if (parent.name === use || alias) return false
  }
  if ((ts.isParameter(parent) || ts.isBindingElement(parent)) && parent.name === use) return false
  return !ts.isReturnStatement(parent)
}

/** Preload in the query when it is there; after a finder, load right after the declaration. */
function preloadFix(ctx: OriginContext, variable: RowVariable, relation: string): FindingFix | undefined {
  const { ts } = ctx
  const query = variable.origin.queryCall
  if (query) {
    return {
      title: `Add .preload('${relation}') to the query`,
      edits: [{ start: query.getEnd(), end: query.getEnd(), newText: `.preload('${relation}')` }],
    }
  }
  const decl = variable.decl
  // Loading it per row of a loop is the N+1 of LL501: only a single row is loaded after its fetch.
  // A single row has a one-row origin (a loop's rows are always many).
  if (variable.origin.many || !decl) return undefined
  const statement = ts.isVariableDeclaration(decl) ? decl.parent.parent : undefined
  if (!statement || !ts.isVariableStatement(statement) || !ts.isBlock(statement.parent)) return undefined
  const fn = ts.findAncestor(statement, ts.isFunctionLike)
  const isAsync = fn && (ts.getCombinedModifierFlags(fn as TS.Declaration) & ts.ModifierFlags.Async) !== 0
  if (!isAsync) return undefined
  const text = statement.getSourceFile().text
  const lineStart = text.lastIndexOf('\n', statement.getStart() - 1) + 1
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? ''
  return {
    title: `Load '${relation}' right after fetching ${variable.name.getText()}`,
    edits: [
      {
        start: statement.getEnd(),
        end: statement.getEnd(),
        newText: `\n${indent}await ${variable.name.getText()}.load('${relation}')`,
      },
    ],
  }
}
