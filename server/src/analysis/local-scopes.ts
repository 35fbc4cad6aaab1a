// The scopes between a name and the top level of its file, read off the syntax: which declaration a
// block, a function, a loop or a catch clause binds the name to, or that only the checker can tell.
// Used by static-resolve.ts; each scope's names are read once (a WeakMap on the node).
import type * as TS from 'typescript'
import type { TsModule } from './syntax'

/** What binds a name where it is written: a declaration of an enclosing scope, the top level, or unknown. */
export type Scoped = { declaration: TS.Declaration } | 'top level' | 'unsure'

/**
 * The innermost scope around a name that binds it: a block's `let`, `const`, function or class, a
 * function's parameter, a `for` or `catch` variable; else the top level. A `var` (hoisted, maybe
 * declared twice), a name bound twice, a type parameter, a namespace, a named class expression, a
 * class static block, `with`, or a type-level scope (mapped, conditional, generic type) is left to
 * the checker.
 */
export function scopeOf(ts: TsModule, node: TS.Identifier): Scoped {
  const name = node.text
  const roles = scopeRoles(ts)
  // The child the walk came up from: a function's parameters are visible from its parameters, body
  // and return type only (not from its decorators or a computed name), as in the checker.
  let last: TS.Node = node
  for (let current: TS.Node = node.parent; ; last = current, current = current.parent) {
    let bound: Local | undefined
    switch (roles.get(current.kind)) {
      case 'file':
        return 'top level'
      case 'decorator': {
        // The checker resolves a decorator at the class: past the parameter and the member it decorates.
        let at = current
        if (ts.isParameter(at.parent)) at = at.parent
        if (ts.isClassElement(at.parent) || ts.isClassDeclaration(at.parent)) at = at.parent
        current = at
        break
      }
      case 'block':
        bound = cached(blockScopes, current, () => blockNames(ts, current as TS.Block | TS.CaseBlock)).get(
          name,
        )
        break
      case 'function': {
        const fn = current as FunctionScope
        if (!(ts.isParameter(last) || last === fn.body || last === fn.type)) break
        // A parameter's default sees the body's own functions and classes (the body is no scope of its own).
        if (ts.isParameter(last) && declaresInBody(ts, fn, name)) return 'unsure'
        bound = cached(functionScopes, fn, () => functionNames(ts, fn)).get(name)
        break
      }
      case 'class': {
        const cls = current as TS.ClassLikeDeclaration
        if (ts.isClassExpression(cls) && cls.name) return 'unsure'
        if (cls.typeParameters?.some((p) => p.name.text === name)) return 'unsure'
        break
      }
      case 'loop': {
        const init = (current as TS.ForStatement | TS.ForInOrOfStatement).initializer
        if (init && ts.isVariableDeclarationList(init)) bound = listBindings(ts, init).get(name)
        break
      }
      case 'catch': {
        const variable = (current as TS.CatchClause).variableDeclaration
        if (variable) bound = declarationBindings(ts, variable).get(name)
        break
      }
      case 'opaque':
        return 'unsure'
    }
    if (bound === 'unsure') return 'unsure'
    if (bound) return { declaration: bound }
  }
}

type ScopeRole = 'file' | 'block' | 'function' | 'class' | 'loop' | 'catch' | 'decorator' | 'opaque'

const rolesCache = new WeakMap<TsModule, Map<TS.SyntaxKind, ScopeRole>>()

/**
 * What each kind of node is to a name inside it: a scope whose names are checked, or one that
 * defers to the checker. Kinds not listed bind nothing. Looked up by kind: this runs for every
 * ancestor of every name resolved.
 */
function scopeRoles(ts: TsModule): Map<TS.SyntaxKind, ScopeRole> {
  let roles = rolesCache.get(ts)
  if (roles) return roles
  const K = ts.SyntaxKind
  roles = new Map<TS.SyntaxKind, ScopeRole>([
    [K.SourceFile, 'file'],
    [K.Block, 'block'],
    [K.CaseBlock, 'block'],
    [K.ArrowFunction, 'function'],
    [K.FunctionExpression, 'function'],
    [K.FunctionDeclaration, 'function'],
    [K.MethodDeclaration, 'function'],
    [K.Constructor, 'function'],
    [K.GetAccessor, 'function'],
    [K.SetAccessor, 'function'],
    [K.ClassDeclaration, 'class'],
    [K.ClassExpression, 'class'],
    [K.ForStatement, 'loop'],
    [K.ForInStatement, 'loop'],
    [K.ForOfStatement, 'loop'],
    [K.CatchClause, 'catch'],
    [K.Decorator, 'decorator'],
    // Signatures and function types, namespaces, static blocks, `with`, type-level scopes.
    ...[
      K.MethodSignature,
      K.CallSignature,
      K.ConstructSignature,
      K.IndexSignature,
      K.FunctionType,
      K.ConstructorType,
      K.JSDocFunctionType,
      K.ModuleBlock,
      K.EnumDeclaration,
      K.ModuleDeclaration,
      K.ClassStaticBlockDeclaration,
      K.WithStatement,
      K.MappedType,
      K.ConditionalType,
      K.TypeAliasDeclaration,
      K.InterfaceDeclaration,
    ].map((kind): [TS.SyntaxKind, ScopeRole] => [kind, 'opaque']),
  ])
  rolesCache.set(ts, roles)
  return roles
}

type FunctionScope =
  | TS.ArrowFunction
  | TS.FunctionExpression
  | TS.FunctionDeclaration
  | TS.MethodDeclaration
  | TS.ConstructorDeclaration
  | TS.AccessorDeclaration

function isFunctionScope(ts: TsModule, node: TS.Node): node is FunctionScope {
  return scopeRoles(ts).get(node.kind) === 'function'
}

/** A declaration a scope binds a name to, or unsure (a `var`, a type, a name bound twice). */
type Local = TS.Declaration | 'unsure'
type Locals = Map<string, Local>

const blockScopes = new WeakMap<TS.Node, Locals>()
const functionScopes = new WeakMap<TS.Node, Locals>()

function cached(map: WeakMap<TS.Node, Locals>, node: TS.Node, read: () => Locals): Locals {
  let names = map.get(node)
  if (!names) map.set(node, (names = read()))
  return names
}

function bindLocal(names: Locals, name: string, local: Local): void {
  names.set(name, names.has(name) ? 'unsure' : local)
}

/** Every name a block's own statements declare. */
function blockNames(ts: TsModule, block: TS.Block | TS.CaseBlock): Locals {
  const names: Locals = new Map()
  const statements = ts.isBlock(block) ? block.statements : block.clauses.flatMap((c) => [...c.statements])
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const [n, local] of listBindings(ts, statement.declarationList)) bindLocal(names, n, local)
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      bindLocal(names, statement.name.text, statement)
    } else if (
      (ts.isEnumDeclaration(statement) ||
        ts.isModuleDeclaration(statement) ||
        ts.isImportEqualsDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement)) &&
      ts.isIdentifier(statement.name)
    ) {
      bindLocal(names, statement.name.text, 'unsure')
    }
  }
  return names
}

/** Parameters, type parameters, a function expression's own name and every `var` of the body. */
function functionNames(ts: TsModule, fn: FunctionScope): Locals {
  const names: Locals = new Map()
  for (const parameter of fn.parameters)
    for (const [n, local] of declarationBindings(ts, parameter)) bindLocal(names, n, local)
  for (const parameter of fn.typeParameters ?? []) bindLocal(names, parameter.name.text, 'unsure')
  if (ts.isFunctionExpression(fn) && fn.name) bindLocal(names, fn.name.text, 'unsure')
  const visit = (node: TS.Node): void => {
    if (isFunctionScope(ts, node) || ts.isClassStaticBlockDeclaration(node)) return
    if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.BlockScoped) === 0)
      for (const n of listBindings(ts, node).keys()) names.set(n, 'unsure')
    ts.forEachChild(node, visit)
  }
  // `var` is rare in TypeScript: a file whose text never spells it needs no walk.
  if (fn.body && ts.isBlock(fn.body) && spellsVar(fn.getSourceFile())) ts.forEachChild(fn.body, visit)
  return names
}

/** A `function` or `class` the body declares at its top, by name. */
function declaresInBody(ts: TsModule, fn: FunctionScope, name: string): boolean {
  const body = fn.body
  return (
    !!body &&
    ts.isBlock(body) &&
    body.statements.some(
      (s) => (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name?.text === name,
    )
  )
}

const spellsVarCache = new WeakMap<TS.SourceFile, boolean>()

/** Whether the word `var` occurs in a file (in a comment or string too: never a miss). */
function spellsVar(file: TS.SourceFile): boolean {
  let found = spellsVarCache.get(file)
  if (found === undefined) spellsVarCache.set(file, (found = /\bvar\b/.test(file.text)))
  return found
}

/** The names a declaration list binds: its own declarations, or unsure for a `var` (hoisted). */
function listBindings(ts: TsModule, list: TS.VariableDeclarationList): Locals {
  const names: Locals = new Map()
  const scoped = (list.flags & ts.NodeFlags.BlockScoped) !== 0
  for (const decl of list.declarations)
    for (const [n, local] of declarationBindings(ts, decl)) bindLocal(names, n, scoped ? local : 'unsure')
  return names
}

/** `x` binds the declaration itself; each name of a pattern, its binding element (as the checker has it). */
export function declarationBindings(
  ts: TsModule,
  decl: TS.VariableDeclaration | TS.ParameterDeclaration | TS.BindingElement,
): Locals {
  const names: Locals = new Map()
  const add = (d: TS.VariableDeclaration | TS.ParameterDeclaration | TS.BindingElement): void => {
    if (ts.isIdentifier(d.name)) bindLocal(names, d.name.text, d)
    else for (const element of d.name.elements) if (!ts.isOmittedExpression(element)) add(element)
  }
  add(decl)
  return names
}
