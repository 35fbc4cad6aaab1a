// Which linked classes are models of their own and which are only bases of other models. A class is
// a base only when it is a generated schema class (AdonisJS 7's database/schema.ts) or is extended
// by another model, and the app never uses it as a model itself: no query, relation target or other
// value use outside its own body, an import, an export, an extends clause, a type (`typeof X` in
// mixin signatures included) or a member that is not model API (`X.prototype`, `X.$columns`).
// Bases lend their columns and primary key to the models that extend them (tables are never
// inherited), so they are neither listed, counted, nor held against a table of their own.
import type * as TS from 'typescript'
import type { LucidModel } from './lucid-model'
import type { ModelIndex } from './model-index'
import type { ClassFacts } from './class-facts'
import { fileFacts } from './file-facts'
import { isExternalFile, lucidImports, resolveName } from './resolve'
import { skipOuter, type TsModule } from './syntax'

/** `database/schema.ts`, written by `node ace migration:run` in AdonisJS 7 apps. */
const GENERATED_SCHEMA = /[\\/]database[\\/]schema\.ts$/

const cache = new WeakMap<ModelIndex, Set<LucidModel>>()

/** The models that only serve as bases of others (computed once per program). */
export function baseOnlyModels(index: ModelIndex): Set<LucidModel> {
  let set = cache.get(index)
  if (!set) {
    set = computeBases(index)
    cache.set(index, set)
  }
  return set
}

function computeBases(index: ModelIndex): Set<LucidModel> {
  const candidates = new Set<LucidModel>()
  for (const file of index.program.getSourceFiles()) {
    if (isExternalFile(file)) continue
    const generated = file.fileName.endsWith('schema.ts') && GENERATED_SCHEMA.test(file.fileName)
    for (const cls of mayExtendModels(index.ts, file, generated)) {
      const model = index.modelOf(cls.node)
      if (model?.base) candidates.add(model.base)
      if (model && generated) candidates.add(model)
    }
  }
  if (candidates.size === 0) return candidates
  const byNode = new Map<TS.Node, LucidModel>([...candidates].map((m) => [m.facts.node, m]))
  for (const file of index.program.getSourceFiles()) {
    if (isExternalFile(file)) continue
    const names = namesToSearch(index, file, candidates)
    if (names.size === 0) continue
    for (const [name, refs] of valueReferences(index.ts, file)) {
      if (!names.has(name)) continue
      for (const ref of refs) {
        const used = usedClass(index, ref, byNode)
        if (used) candidates.delete(used)
      }
    }
    if (candidates.size === 0) break
  }
  return candidates
}

const extending = new WeakMap<TS.SourceFile, ClassFacts[]>()

/**
 * The classes of a file that may extend a model of the app (kept per file version, which an edit of
 * another file does not change). Skipped: classes without `extends`, and those extending what the
 * file imports from Lucid (BaseModel, in `compose` too), whose base is never one of the app's. So an
 * edit does not link every model of the app.
 */
function mayExtendModels(ts: TsModule, file: TS.SourceFile, generated: boolean): ClassFacts[] {
  let classes = extending.get(file)
  if (!classes) {
    const fromLucid = generated ? new Map<string, string>() : lucidImports(ts, file)
    classes = fileFacts(ts, file).classes.filter((cls) => cls.heritage && !extendsImport(ts, cls, fromLucid))
    extending.set(file, classes)
  }
  return classes
}

/** `extends X` or `extends compose(X, ...)` where X is one of `names`. */
function extendsImport(ts: TsModule, cls: ClassFacts, names: Map<string, string>): boolean {
  if (names.size === 0 || !cls.heritage) return false
  let expr = skipOuter(ts, cls.heritage)
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'compose') {
    const [first] = expr.arguments
    if (!first) return false
    expr = skipOuter(ts, first)
  }
  return ts.isIdentifier(expr) && names.has(expr.text)
}

/** The candidates' class names, plus local names of imports in this file that bind one of them. */
function namesToSearch(index: ModelIndex, file: TS.SourceFile, candidates: Set<LucidModel>): Set<string> {
  const names = new Set([...candidates].map((m) => m.name))
  const { ts } = index
  for (const statement of file.statements) {
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined
    if (!clause || clause.isTypeOnly) continue
    const bindings: TS.Identifier[] = clause.name ? [clause.name] : []
    const named = clause.namedBindings
    if (named && ts.isNamedImports(named)) {
      for (const element of named.elements) if (!element.isTypeOnly) bindings.push(element.name)
    }
    for (const local of bindings) {
      if (names.has(local.text)) continue
      const resolution = resolveName(ts, index.checker, local)
      if (resolution.kind !== 'declaration') continue
      if ([...candidates].some((m) => m.facts.node === resolution.declaration)) names.add(local.text)
    }
  }
  return names
}

/** The candidate a reference uses as a model, unless it sits in that candidate's own class body. */
function usedClass(
  index: ModelIndex,
  ref: TS.Identifier,
  byNode: Map<TS.Node, LucidModel>,
): LucidModel | undefined {
  const resolution = resolveName(index.ts, index.checker, ref)
  if (resolution.kind !== 'declaration') return undefined
  const model = byNode.get(resolution.declaration)
  if (!model) return undefined
  for (let node: TS.Node | undefined = ref.parent; node; node = node.parent) {
    if (node === model.facts.node) return undefined
  }
  return model
}

const references = new WeakMap<TS.SourceFile, Map<string, TS.Identifier[]>>()

/**
 * Identifiers in value positions, by name: the places a class can be used as a model. Read once per
 * SourceFile object, like the file facts.
 */
function valueReferences(ts: TsModule, file: TS.SourceFile): Map<string, TS.Identifier[]> {
  let map = references.get(file)
  if (map) return map
  const found = new Map<string, TS.Identifier[]>()
  map = found
  const visit = (node: TS.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isExportAssignment(node)) return
    if (ts.isHeritageClause(node)) {
      // `extends X` and `extends compose(X, mixin)` derive from X; arguments of mixins are uses.
      for (const type of node.types) visitHeritage(type.expression)
      return
    }
    if (ts.isTypeNode(node)) return
    if (ts.isIdentifier(node) && isReference(ts, node)) add(node)
    ts.forEachChild(node, visit)
  }
  const visitHeritage = (expr: TS.Expression): void => {
    if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'compose') {
      const [first, ...rest] = expr.arguments
      if (first && !ts.isIdentifier(first) && !ts.isPropertyAccessExpression(first)) visit(first)
      for (const arg of rest) visit(arg)
      return
    }
    if (!ts.isIdentifier(expr) && !ts.isPropertyAccessExpression(expr)) visit(expr)
  }
  const add = (id: TS.Identifier): void => {
    const list = found.get(id.text)
    if (list) list.push(id)
    else found.set(id.text, [id])
  }
  visit(file)
  references.set(file, map)
  return map
}

/** Members read off a class without using it as a model: its prototype, generated column list, strategy. */
const NOT_MODEL_API = new Set(['prototype', '$columns', 'namingStrategy'])

/** An identifier that refers to something, not one that declares a name or is a property name. */
function isReference(ts: TsModule, id: TS.Identifier): boolean {
  const parent = id.parent
  if (!parent) return false
  if (ts.isPropertyAccessExpression(parent)) {
    if (parent.name === id) return false
    if (NOT_MODEL_API.has(parent.name.text)) return false
  }
  if (ts.isQualifiedName(parent) && parent.right === id) return false
  if (
    (ts.isClassDeclaration(parent) ||
      ts.isClassExpression(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isBindingElement(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent) ||
      ts.isEnumMember(parent) ||
      ts.isInterfaceDeclaration(parent) ||
      ts.isTypeAliasDeclaration(parent)) &&
    parent.name === id
  ) {
    return false
  }
  return true
}

/** Whether a linked class is a model of its own (see the file comment). */
export function isOwnModel(index: ModelIndex, model: LucidModel): boolean {
  return !baseOnlyModels(index).has(model)
}

/** Every model of the program's own files that is a model of its own: listed and counted. */
export function ownModels(index: ModelIndex): LucidModel[] {
  const bases = baseOnlyModels(index)
  return index.allModels().filter((model) => !bases.has(model))
}

/** Relations counted where declared: a base's or a mixin's once, however many models inherit them. */
export function relationCount(index: ModelIndex): number {
  const facts = new Set<unknown>()
  for (const model of index.allModels())
    for (const relation of model.relations.values()) facts.add(relation.fact)
  return facts.size
}
