// Links the per-file facts of one program into Lucid models. Lazy and memoised per program, so an
// edit re-links only what the requested diagnostics need.
import type * as TS from 'typescript'
import type { LucidGeneration } from '../../../engine/src/model-graph'
import { defaultStrategyKind, namingStrategy, type NamingStrategy } from '../../../engine/src/naming'
import type { ClassFacts, ColumnFact, RelationFact } from './class-facts'
import { codeColumnName } from './column-options'
import { constantValue } from './constant-value'
import { fileFacts } from './file-facts'
import { globalStrategy, strategyOf, type GlobalStrategy } from './global-naming'
import { resolvedKeyOptions } from './key-options'
import type { LucidModel, ModelRelation } from './lucid-model'
import {
  extendsLucidBaseModel,
  isExternalFile,
  isLucidBaseModel,
  resolveName,
  resolveSymbol,
  symbolAt,
  type Resolution,
} from './resolve'
import { resolveStatically } from './static-resolve'
import { skipOuter, type TsModule } from './syntax'

export type RelatedModel =
  | { kind: 'model'; model: LucidModel }
  /** Resolves to something that is not a Lucid model (a plain class, a function...). */
  | { kind: 'not-a-model'; declaration: TS.Declaration }
  | { kind: 'undeclared'; name: string }
  | { kind: 'unknown' }

type Heritage =
  { kind: 'base'; base?: LucidModel; complete: boolean; mixins: ClassFacts[] } | { kind: 'none' }

export class ModelIndex {
  readonly checker: TS.TypeChecker
  private readonly models = new Map<TS.Node, LucidModel | null>()
  private readonly related = new Map<RelationFact, RelatedModel>()
  private readonly through = new Map<RelationFact, RelatedModel>()
  private byName?: Map<string, LucidModel[]>
  private global?: { strategy: GlobalStrategy | undefined }

  constructor(
    readonly ts: TsModule,
    readonly program: TS.Program,
    readonly generation: LucidGeneration,
  ) {
    this.checker = program.getTypeChecker()
  }

  /** The model declared by this class node, or undefined when it is not a Lucid model. */
  modelOf(node: TS.ClassLikeDeclaration): LucidModel | undefined {
    if (this.models.has(node)) return this.models.get(node) ?? undefined
    this.models.set(node, null) // guards against `class A extends B`, `class B extends A`
    const facts = fileFacts(this.ts, node.getSourceFile()).classByNode.get(node)
    const model = facts ? this.link(facts) : undefined
    this.models.set(node, model ?? null)
    return model
  }

  /** Every model of the program's own files. */
  allModels(): LucidModel[] {
    const out: LucidModel[] = []
    for (const file of this.program.getSourceFiles()) {
      if (isExternalFile(file)) continue
      for (const cls of fileFacts(this.ts, file).classes) {
        const model = this.modelOf(cls.node)
        if (model) out.push(model)
      }
    }
    return out
  }

  /** The models that take their relations from this class (a mixin's class), in program order. */
  composersOf(cls: ClassFacts): LucidModel[] {
    return this.allModels().filter(
      (m) => m.facts.node !== cls.node && [...m.relations.values()].some((r) => r.declaredBy === cls),
    )
  }

  relatedModel(relation: RelationFact): RelatedModel {
    let result = this.related.get(relation)
    if (!result) {
      result = this.resolveRelated(relation.relatedExpr)
      this.related.set(relation, result)
    }
    return result
  }

  /** hasManyThrough's through model (`Post` in `[() => Comment, () => Post]`); unknown for other kinds. */
  throughModel(relation: RelationFact): RelatedModel {
    let result = this.through.get(relation)
    if (!result) {
      result = this.resolveRelated(relation.hasManyThrough?.throughExpr)
      this.through.set(relation, result)
    }
    return result
  }

  /**
   * What a name refers to: read off the files' imports and exports when their syntax settles it
   * (see static-resolve.ts), else from the checker.
   */
  private resolve(node: TS.Node): Resolution {
    return resolveStatically(this.ts, this.program, node) ?? resolveName(this.ts, this.checker, node)
  }

  /** The model a class-valued expression or type name refers to (`Post`, `Models.Post`). */
  modelOfExpression(node: TS.Node): LucidModel | undefined {
    const known = resolveStatically(this.ts, this.program, node)
    if (known) return this.modelOfResolution(known)
    const symbol = symbolAt(this.checker, node)
    return symbol && this.modelOfSymbol(symbol)
  }

  /** modelOfExpression for a name whose symbol the caller has looked up already. */
  modelOfSymbol(symbol: TS.Symbol): LucidModel | undefined {
    return this.modelOfResolution(resolveSymbol(this.ts, this.checker, symbol))
  }

  /** The model a resolved name declares, if it declares one. */
  modelOfResolution(resolution: Resolution): LucidModel | undefined {
    if (resolution.kind === 'declaration') {
      const decl = resolution.declaration
      if (this.ts.isClassDeclaration(decl) || this.ts.isClassExpression(decl)) return this.modelOf(decl)
      if (this.ts.isVariableDeclaration(decl) && decl.initializer) {
        const init = skipOuter(this.ts, decl.initializer)
        if (this.ts.isClassExpression(init)) return this.modelOf(init)
      }
      if (this.ts.isExportAssignment(decl)) return this.modelOfExpression(decl.expression)
    }
    return undefined
  }

  private resolveRelated(expr: TS.Expression | undefined): RelatedModel {
    if (!expr) return { kind: 'unknown' }
    const model = this.modelOfExpression(expr)
    if (model) return { kind: 'model', model }
    const resolution = this.resolve(expr)
    if (resolution.kind === 'undeclared') {
      return this.ts.isIdentifier(expr)
        ? this.byUniqueName(expr.text, { kind: 'undeclared', name: expr.text })
        : { kind: 'unknown' }
    }
    if (resolution.kind === 'unresolved-import') {
      // An import we cannot follow (no node_modules, an unusual alias): fall back to a unique class name.
      return this.ts.isIdentifier(expr)
        ? this.byUniqueName(expr.text, { kind: 'unknown' })
        : { kind: 'unknown' }
    }
    if (isExternalFile(resolution.declaration.getSourceFile())) return { kind: 'unknown' }
    const decl = resolution.declaration
    if (
      this.ts.isClassDeclaration(decl) ||
      this.ts.isFunctionDeclaration(decl) ||
      this.ts.isVariableDeclaration(decl)
    ) {
      return { kind: 'not-a-model', declaration: decl }
    }
    return { kind: 'unknown' }
  }

  private byUniqueName(name: string, otherwise: RelatedModel): RelatedModel {
    if (!this.byName) {
      this.byName = new Map()
      for (const model of this.allModels()) {
        const list = this.byName.get(model.name) ?? []
        list.push(model)
        this.byName.set(model.name, list)
      }
    }
    const found = this.byName.get(name)
    return found && found.length === 1 && found[0] ? { kind: 'model', model: found[0] } : otherwise
  }

  private link(facts: ClassFacts): LucidModel | undefined {
    const heritage = this.heritage(facts)
    if (heritage.kind === 'none') return undefined
    const base = heritage.base
    const own = this.ownStrategy(facts)
    const strategyKind = own?.kind ?? base?.strategy?.kind ?? (base && !base.strategy ? 'custom' : undefined)
    const strategy = this.strategy(strategyKind)
    const strategyFromBoot = facts.namingStrategyExpr === undefined && (base?.strategyFromBoot ?? true)
    const gaps = own ? own.gaps : base ? base.strategyGaps : this.bootStrategy()?.gaps
    const model: LucidModel = {
      facts,
      name: facts.name,
      file: facts.node.getSourceFile(),
      base,
      complete: heritage.complete && (base?.complete ?? true),
      strategy,
      ...(strategy && gaps && { strategyGaps: gaps }),
      strategyFromBoot,
      primaryKey: 'id',
      columns: new Map(base?.columns),
      plainProperties: new Map(base?.plainProperties),
      relations: new Map(base?.relations),
    }
    const mixinStrategy = this.strategy(undefined)
    for (const mixin of heritage.mixins) this.addMembers(model, mixin, mixinStrategy)
    this.addMembers(model, facts, strategy)
    // `static table = Tables.USERS`: its value; one only code decides leaves the table unknown (and a
    // primary key only code decides, every default derived from it).
    const ownTable = facts.tableExpr && constantValue(this.ts, this.checker, facts.tableExpr)
    const ownKey = facts.primaryKeyExpr && constantValue(this.ts, this.checker, facts.primaryKeyExpr)
    if (facts.primaryKeyExpr && ownKey === undefined) model.complete = false
    model.primaryKey = this.primaryKey(facts, base, ownKey)
    const tableUnknown = strategyFromBoot && this.bootStrategy()?.tableNameUnknown
    model.table = facts.tableExpr
      ? ownTable
      : (facts.table ?? (tableUnknown ? undefined : strategy?.tableName(facts.name)))
    return model
  }

  /**
   * `static namingStrategy = new X()`: X is resolved (an app class named CamelCaseNamingStrategy is not
   * Lucid's). One that computes table names itself is custom here: the models extending this one would
   * inherit it, and their tables would be unknown too.
   */
  private ownStrategy(facts: ClassFacts): GlobalStrategy | undefined {
    if (!facts.namingStrategyExpr) return undefined
    const strategy = strategyOf(this.ts, this.checker, facts.namingStrategyExpr)
    return strategy.tableNameUnknown || !strategy.kind ? { kind: 'custom' } : strategy
  }

  /** A model's own or inherited strategy, else the one set on BaseModel at boot, else Lucid's default. */
  private strategy(kind: 'snake' | 'camel' | 'custom' | undefined): NamingStrategy | undefined {
    const chosen = kind ?? this.bootStrategy()?.kind ?? defaultStrategyKind(this.generation)
    return chosen === 'custom' ? undefined : namingStrategy(chosen, this.generation)
  }

  private bootStrategy(): GlobalStrategy | undefined {
    this.global ??= { strategy: globalStrategy(this.ts, this.program, this.checker) }
    return this.global.strategy
  }

  private addMembers(model: LucidModel, facts: ClassFacts, strategy: NamingStrategy | undefined): void {
    for (const column of facts.columns) {
      model.plainProperties.delete(column.name)
      const columnName = column.columnNameUnknown
        ? this.codeColumnName(column, strategy)
        : (column.columnName ?? strategy?.columnName(column.name))
      model.columns.set(column.name, { fact: column, columnName, declaredBy: facts })
    }
    for (const [name, prop] of facts.plainProperties) {
      // A redeclared property without decorator keeps the inherited column (Lucid's map is inherited).
      if (!model.columns.has(name)) model.plainProperties.set(name, prop)
    }
    for (const relation of facts.relations) {
      const keyOptions = resolvedKeyOptions(this.ts, this.checker, relation)
      const entry: ModelRelation = { fact: relation, declaredBy: facts }
      if (keyOptions) entry.keyOptions = keyOptions
      model.relations.set(relation.name, entry)
    }
  }

  /** The column name code-built options give, when the app's code shows it; else unknown. */
  private codeColumnName(column: ColumnFact, strategy: NamingStrategy | undefined): string | undefined {
    if (!column.codeOptions) return undefined
    const read = codeColumnName(this.ts, this.checker, column.codeOptions)
    return read.known ? (read.name ?? strategy?.columnName(column.name)) : undefined
  }

  /** Lucid: own static primaryKey, else inherited; an own `isPrimary` column wins (the last one). */
  private primaryKey(facts: ClassFacts, base: LucidModel | undefined, constant?: string): string {
    let key = facts.primaryKey ?? constant ?? base?.primaryKey ?? 'id'
    for (const column of facts.columns) if (column.isPrimary) key = column.name
    return key
  }

  private heritage(facts: ClassFacts): Heritage {
    const hasLucidMembers = facts.columns.length > 0 || facts.relations.length > 0
    const expr = facts.heritage && skipOuter(this.ts, facts.heritage)
    if (!expr) return { kind: 'none' }
    if (
      this.ts.isCallExpression(expr) &&
      this.ts.isIdentifier(expr.expression) &&
      expr.expression.text === 'compose'
    ) {
      const [first, ...rest] = expr.arguments
      const inner = first
        ? this.heritageOfExpression(facts.node, first, hasLucidMembers)
        : ({ kind: 'none' } as Heritage)
      if (inner.kind === 'none') return inner
      const mixins = rest.map((arg) => this.mixinClasses(arg))
      return {
        kind: 'base',
        base: inner.base,
        complete: inner.complete && mixins.every((m) => m !== undefined),
        mixins: [...inner.mixins, ...mixins.flatMap((m) => m ?? [])],
      }
    }
    return this.heritageOfExpression(facts.node, expr, hasLucidMembers)
  }

  private heritageOfExpression(
    cls: TS.ClassLikeDeclaration,
    expr: TS.Expression,
    hasLucidMembers: boolean,
  ): Heritage {
    if (extendsLucidBaseModel(this.ts, cls, expr)) return { kind: 'base', complete: true, mixins: [] }
    const resolution = resolveName(this.ts, this.checker, expr)
    if (isLucidBaseModel(resolution)) return { kind: 'base', complete: true, mixins: [] }
    // `(Superclass) => class extends Superclass {...}`: a mixin's body, whose members belong to the
    // models composing it (Lucid names their default keys after those models), not a model itself.
    if (resolution.kind === 'declaration' && this.ts.isParameter(resolution.declaration))
      return { kind: 'none' }
    const base = this.modelOfExpression(expr)
    if (base) return { kind: 'base', base, complete: base.complete, mixins: [] }
    // A base we cannot read (a package, an odd alias) still makes a model when Lucid decorators are used.
    return hasLucidMembers && !isPlainAppClass(this.ts, resolution)
      ? { kind: 'base', complete: false, mixins: [] }
      : { kind: 'none' }
  }

  /** The classes a mixin function defines; [] for packages; undefined when the app's mixin is opaque. */
  private mixinClasses(arg: TS.Expression, depth = 0): ClassFacts[] | undefined {
    let target = skipOuter(this.ts, arg)
    // `withRoles()`: the classes are in the factory that makes the mixin.
    while (this.ts.isCallExpression(target)) target = skipOuter(this.ts, target.expression)
    const resolution = resolveName(this.ts, this.checker, target)
    if (resolution.kind !== 'declaration') return []
    const decl = resolution.declaration
    const file = decl.getSourceFile()
    if (isExternalFile(file)) return []
    // `const AuthFinder = withAuthFinder(...)`: follow the factory.
    const init = this.ts.isVariableDeclaration(decl) ? decl.initializer : undefined
    if (init && this.ts.isCallExpression(skipOuter(this.ts, init)) && depth < 4)
      return this.mixinClasses(init, depth + 1)
    const body = this.ts.isVariableDeclaration(decl) ? decl.initializer : decl
    if (
      !body ||
      !(
        this.ts.isArrowFunction(body) ||
        this.ts.isFunctionExpression(body) ||
        this.ts.isFunctionDeclaration(body)
      )
    ) {
      return undefined
    }
    const facts = fileFacts(this.ts, file)
    const classes: ClassFacts[] = []
    const visit = (node: TS.Node): void => {
      const cls = facts.classByNode.get(node)
      if (cls) classes.push(cls)
      this.ts.forEachChild(node, visit)
    }
    visit(body)
    // An app mixin whose classes cannot be found (it delegates to another helper) is opaque.
    return classes.length > 0 ? classes : undefined
  }
}

/** A class of the app itself that is not a model: extending it does not make a model. */
function isPlainAppClass(ts: TsModule, resolution: Resolution): boolean {
  return (
    resolution.kind === 'declaration' &&
    !isExternalFile(resolution.declaration.getSourceFile()) &&
    (ts.isClassDeclaration(resolution.declaration) || ts.isClassExpression(resolution.declaration))
  )
}
