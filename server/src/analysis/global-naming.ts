// A naming strategy set for every model at boot: `BaseModel.namingStrategy = new X()` in a provider,
// a `start/*.ts` preload, bin/server.ts or a model file. Lucid's own strategies are known. An app
// class that extends one is read: overriding only `tableName` (and `paginationMetaKeys`, which
// names no column) leaves every other name known but default table names unknowable; any other
// override, a factory, a variable or two different assignments make every name unknowable. A
// method replaced on the instance (`BaseModel.namingStrategy.tableName = ...`) counts as an override.
import type * as TS from 'typescript'
import { isExternalFile, isLucidModule, resolveName } from './resolve'
import { skipOuter, type TsModule } from './syntax'

export interface GlobalStrategy {
  /** Undefined when only members of Lucid's default instance are replaced. */
  kind?: 'snake' | 'camel' | 'custom'
  /** The app's class computes default table names itself. */
  tableNameUnknown?: true
  /**
   * The defaults it names itself, which models using it leave unknown: pivot tables
   * (`relationPivotTable`) and serialized keys (`serializedName`, which no column or key name depends on).
   */
  gaps?: StrategyGaps
}

export interface StrategyGaps {
  pivotTable?: true
  serializedName?: true
}

const CUSTOM: GlobalStrategy = { kind: 'custom' }
/** Members an app strategy may define without making every name unknowable. */
const READABLE_OVERRIDES = new Set([
  'constructor',
  'tableName',
  'paginationMetaKeys',
  'relationPivotTable',
  'serializedName',
])

const ASSIGNMENT_TEXT = /\bBaseModel\s*\.\s*namingStrategy\s*(\.\s*\w+\s*)?=[^=]/
const KNOWN: Record<string, 'snake' | 'camel'> = {
  SnakeCaseNamingStrategy: 'snake',
  CamelCaseNamingStrategy: 'camel',
}

/** The strategy the app sets on BaseModel, or undefined when it sets none. */
export function globalStrategy(
  ts: TsModule,
  program: TS.Program,
  checker: TS.TypeChecker,
): GlobalStrategy | undefined {
  const found = new Map<string, GlobalStrategy>()
  const members = new Set<string>()
  for (const file of program.getSourceFiles()) {
    if (isExternalFile(file) || !assignsStrategy(file)) continue
    const visit = (node: TS.Node): void => {
      const target = baseModelTarget(ts, node)
      // On an app class called BaseModel it would only reach that class's subclasses: unknowable.
      if (target && isAppClass(ts, checker, target.baseModel)) found.set('custom', CUSTOM)
      else if (target?.member !== undefined) members.add(target.member)
      else if (target) {
        const strategy = strategyOf(ts, checker, (node as TS.BinaryExpression).right)
        found.set(JSON.stringify(strategy), strategy)
      }
      ts.forEachChild(node, visit)
    }
    visit(file)
  }
  if (found.size === 0 && members.size === 0) return undefined
  const [only] = found.values()
  const set: GlobalStrategy = found.size === 0 ? {} : found.size === 1 && only ? only : CUSTOM
  return withOverrides(set, [...members])
}

const assigning = new WeakMap<TS.SourceFile, boolean>()

/**
 * Whether the text may assign BaseModel's strategy: tested once per SourceFile object, since every
 * program (one per keystroke) asks it of every file and an edit changes only the file edited.
 */
function assignsStrategy(file: TS.SourceFile): boolean {
  let found = assigning.get(file)
  if (found === undefined) {
    found = ASSIGNMENT_TEXT.test(file.text)
    assigning.set(file, found)
  }
  return found
}

/** A strategy with some of its methods replaced by the app. */
function withOverrides(strategy: GlobalStrategy, members: string[]): GlobalStrategy {
  if (strategy.kind === 'custom' || members.length === 0) return strategy
  if (members.some((name) => !READABLE_OVERRIDES.has(name))) return CUSTOM
  return withGaps(strategy, members)
}

/** What an app's overrides leave unknown of a strategy that is otherwise Lucid's. */
function withGaps(strategy: GlobalStrategy, members: readonly (string | undefined)[]): GlobalStrategy {
  const out = { ...strategy }
  if (members.includes('tableName')) out.tableNameUnknown = true
  const gaps: StrategyGaps = {}
  if (members.includes('relationPivotTable')) gaps.pivotTable = true
  if (members.includes('serializedName')) gaps.serializedName = true
  if (gaps.pivotTable || gaps.serializedName) out.gaps = gaps
  return out
}

/** `BaseModel.namingStrategy = ...` (member undefined) or `BaseModel.namingStrategy.member = ...`. */
function baseModelTarget(
  ts: TsModule,
  node: TS.Node,
): { baseModel: TS.Identifier; member?: string } | undefined {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined
  let target = node.left
  let member: string | undefined
  if (ts.isPropertyAccessExpression(target) && ts.isPropertyAccessExpression(target.expression)) {
    member = target.name.text
    target = target.expression
  }
  return ts.isPropertyAccessExpression(target) &&
    target.name.text === 'namingStrategy' &&
    ts.isIdentifier(target.expression) &&
    target.expression.text === 'BaseModel'
    ? { baseModel: target.expression, member }
    : undefined
}

function isAppClass(ts: TsModule, checker: TS.TypeChecker, ref: TS.Expression): boolean {
  const resolution = resolveName(ts, checker, ref)
  return (
    resolution.kind === 'declaration' &&
    !isExternalFile(resolution.declaration.getSourceFile()) &&
    ts.isClassLike(resolution.declaration)
  )
}

/** The strategy `new X()` makes: Lucid's by import, or an app class extending one (member by member). */
export function strategyOf(ts: TsModule, checker: TS.TypeChecker, value: TS.Expression): GlobalStrategy {
  const expr = skipOuter(ts, value)
  if (!ts.isNewExpression(expr)) return CUSTOM
  return classStrategy(ts, checker, expr.expression, 0)
}

/** Lucid's strategy class by import, or an app class extending one (read member by member). */
function classStrategy(
  ts: TsModule,
  checker: TS.TypeChecker,
  ref: TS.Expression,
  depth: number,
): GlobalStrategy {
  const resolution = resolveName(ts, checker, ref)
  if (resolution.kind === 'undeclared') return CUSTOM
  if (resolution.module !== undefined && isLucidModule(resolution.module))
    return known(resolution.importedName)
  if (resolution.kind !== 'declaration') return CUSTOM
  const decl = resolution.declaration
  if (isExternalFile(decl.getSourceFile())) {
    const lucid = /[\\/]@adonisjs[\\/]lucid[\\/]/.test(decl.getSourceFile().fileName)
    return lucid ? known((decl as TS.NamedDeclaration).name?.getText()) : CUSTOM
  }
  if (!ts.isClassDeclaration(decl) || depth > 4) return CUSTOM
  const members = decl.members.map((m) =>
    ts.isConstructorDeclaration(m) ? 'constructor' : m.name?.getText(),
  )
  if (members.some((name) => name === undefined || !READABLE_OVERRIDES.has(name))) return CUSTOM
  const base = decl.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]
  const inherited = base ? classStrategy(ts, checker, base.expression, depth + 1) : CUSTOM
  return inherited.kind === 'custom' ? inherited : withGaps(inherited, members)
}

function known(name: string | undefined): GlobalStrategy {
  const kind = name === undefined ? undefined : KNOWN[name]
  return kind ? { kind } : CUSTOM
}
