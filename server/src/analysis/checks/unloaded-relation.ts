// LL502: `post.author.fullName`, `user.posts.length`, `for (const c of post.comments)` on rows the
// function fetched itself with a query that did not preload the relation. Lucid never lazy-loads:
// the property is undefined. Reported only when nothing in the function could have loaded it.
import type * as TS from 'typescript'
import { finding, type Finding, type FindingFix } from '../finding'
import type { TsModule } from '../syntax'
import { mayAutoPreload } from './auto-preload'
import { isWithin } from './loop-syntax'
import { rowLoopOfDeclaration } from './row-loops'
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
  decl: TS.Declaration
  name: TS.Identifier
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
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && isDereferenced(ts, node)) {
      const result = check(ctx, node as TS.PropertyAccessExpression & { expression: TS.Identifier })
      const key = result && `${result.variable.decl.pos}:${node.name.text}`
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
  access: TS.PropertyAccessExpression & { expression: TS.Identifier },
): { finding: Finding; variable: RowVariable } | undefined {
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
  const row = variable.name.text
  const remedy = origin.queryCall
    ? `Preload '${relation}' in that query.`
    : `Load it first: await ${row}.load('${relation}').`
  const message =
    `'${relation}' is never loaded on ${row}: the query at line ${line} does not preload it and Lucid ` +
    `does not lazy-load relations, so ${row}.${relation} is undefined here. ${remedy}`
  const fix = preloadFix(ctx, variable, relation)
  return { finding: finding('relationNotLoaded', access.name, message, fix ? { fix } : {}), variable }
}

/** A `const` fetched row, or the row of a loop over fetched rows. */
function rowVariable(ctx: OriginContext, name: TS.Identifier): RowVariable | undefined {
  const { ts } = ctx
  const single = constDeclaration(ctx, name)
  if (single?.initializer && ts.isIdentifier(single.name)) {
    const origin = rowsOrigin(ctx, single.initializer)
    if (origin && !origin.many) return { decl: single, name: single.name, origin }
    if (!ts.isForOfStatement(single.parent.parent)) return undefined
  }
  const decl = declarationOf(ctx, name)
  const loop = decl && rowLoopOfDeclaration(ctx, decl)
  if (!decl || !loop) return undefined
  const rows = ts.isIdentifier(loop.rows) ? loop.rows : undefined
  return { decl, name: loop.row, origin: loop.origin, ...(rows ? { rows } : {}) }
}

/**
 * Could anything in `scope` load `relation` on these rows? A loader call naming it (or naming no
 * literal relation), or the row or its array handed to code we do not see.
 */
function mayLoad(ctx: OriginContext, scope: TS.Node, relation: string, variable: RowVariable): boolean {
  const { ts } = ctx
  const tracked = [variable.decl, variable.rows && declarationOf(ctx, variable.rows)].filter(
    (d): d is TS.Declaration => !!d,
  )
  let may = false
  const visit = (node: TS.Node): void => {
    if (may) return
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text
      const first = node.arguments[0]
      if (LOADERS.has(method) && !(first && ts.isStringLiteralLike(first) && first.text !== relation))
        may = true
    }
    if (ts.isIdentifier(node) && escapes(ts, node)) {
      const decl = declarationOf(ctx, node)
      if (decl && tracked.includes(decl)) may = true
    }
    ts.forEachChild(node, visit)
  }
  visit(scope)
  return may
}

/** A use of a name other than reading its members, iterating it or returning it. */
function escapes(ts: TsModule, name: TS.Identifier): boolean {
  const parent = name.parent
  if (!parent) return false
  if (
    (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) &&
    parent.expression === name
  )
    return false
  if (ts.isPropertyAccessExpression(parent) && parent.name === name) return false
  if (ts.isForOfStatement(parent) && parent.expression === name) return false
  if (ts.isVariableDeclaration(parent) && parent.name === name) return false
  if (ts.isParameter(parent) && parent.name === name) return false
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
  const statement = ts.isVariableDeclaration(decl) ? decl.parent.parent : undefined
  if (!statement || !ts.isVariableStatement(statement) || !ts.isBlock(statement.parent)) return undefined
  const fn = ts.findAncestor(statement, ts.isFunctionLike)
  const isAsync = fn && (ts.getCombinedModifierFlags(fn as TS.Declaration) & ts.ModifierFlags.Async) !== 0
  if (!isAsync) return undefined
  const text = statement.getSourceFile().text
  const lineStart = text.lastIndexOf('\n', statement.getStart() - 1) + 1
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? ''
  return {
    title: `Load '${relation}' right after fetching ${variable.name.text}`,
    edits: [
      {
        start: statement.getEnd(),
        end: statement.getEnd(),
        newText: `\n${indent}await ${variable.name.text}.load('${relation}')`,
      },
    ],
  }
}
