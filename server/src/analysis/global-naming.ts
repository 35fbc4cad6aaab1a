// A naming strategy set for every model at boot: `BaseModel.namingStrategy = new X()` in a provider,
// a `start/*.ts` preload, bin/server.ts or a model file. Lucid's own strategies are known. An app
// class that extends one is read: overriding only `tableName` (and `paginationMetaKeys`, which
// names no column) leaves every other name known but default table names unknowable; any other
// override, a factory, a variable or two different assignments make every name unknowable.
import type * as TS from 'typescript'
import { isExternalFile, resolveName } from './resolve'
import { skipOuter, type TsModule } from './syntax'

export interface GlobalStrategy {
  kind: 'snake' | 'camel' | 'custom'
  /** The app's class computes default table names itself. */
  tableNameUnknown?: true
}

const CUSTOM: GlobalStrategy = { kind: 'custom' }
/** Members an app strategy may define without making every name unknowable. */
const READABLE_OVERRIDES = new Set(['constructor', 'tableName', 'paginationMetaKeys'])

const ASSIGNMENT_TEXT = /\bBaseModel\s*\.\s*namingStrategy\s*=[^=]/
const LUCID_MODULES = /^(@ioc:Adonis\/Lucid\/Orm|@adonisjs\/lucid(\/.*)?)$/
const KNOWN: Record<string, GlobalStrategy['kind']> = {
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
  for (const file of program.getSourceFiles()) {
    if (isExternalFile(file) || !ASSIGNMENT_TEXT.test(file.text)) continue
    const visit = (node: TS.Node): void => {
      if (isBaseModelAssignment(ts, node)) {
        // On an app class called BaseModel it would only reach that class's subclasses: unknowable.
        const appClass = isAppClass(ts, checker, (node.left as TS.PropertyAccessExpression).expression)
        const strategy = appClass ? CUSTOM : strategyOf(ts, checker, node.right)
        found.set(JSON.stringify(strategy), strategy)
      }
      ts.forEachChild(node, visit)
    }
    visit(file)
  }
  if (found.size === 0) return undefined
  const [only] = found.values()
  return found.size === 1 && only ? only : CUSTOM
}

function isBaseModelAssignment(ts: TsModule, node: TS.Node): node is TS.BinaryExpression {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false
  const target = node.left
  return (
    ts.isPropertyAccessExpression(target) &&
    target.name.text === 'namingStrategy' &&
    ts.isIdentifier(target.expression) &&
    target.expression.text === 'BaseModel'
  )
}

function isAppClass(ts: TsModule, checker: TS.TypeChecker, ref: TS.Expression): boolean {
  const resolution = resolveName(ts, checker, ref)
  return (
    resolution.kind === 'declaration' &&
    !isExternalFile(resolution.declaration.getSourceFile()) &&
    ts.isClassLike(resolution.declaration)
  )
}

function strategyOf(ts: TsModule, checker: TS.TypeChecker, value: TS.Expression): GlobalStrategy {
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
  if (resolution.module !== undefined && LUCID_MODULES.test(resolution.module))
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
  if (inherited.kind === 'custom' || !members.includes('tableName')) return inherited
  return { kind: inherited.kind, tableNameUnknown: true }
}

function known(name: string | undefined): GlobalStrategy {
  const kind = name === undefined ? undefined : KNOWN[name]
  return kind ? { kind } : CUSTOM
}
