// One migration file as operations: the class extending Lucid's BaseSchema (v6
// `@adonisjs/lucid/schema`, v5 `@ioc:Adonis/Lucid/Schema`) and the `this.schema` calls of its `up()`.
// Read once per SourceFile version; never evaluated.
import type * as TS from 'typescript'
import { memberName, skipOuter, type TsModule } from '../syntax'
import { callChain, isThisSchema, type ChainCall } from './call-chain'
import { constantString, readImportedConstants } from './constant-string'
import type { MigrationFile, SchemaOp } from './migration-ops'
import { rawSqlOps } from './raw-sql'
import { readTableBody } from './table-body'

const SCHEMA_MODULES = new Set(['@adonisjs/lucid/schema', '@ioc:Adonis/Lucid/Schema'])
/** `this.schema` methods that read or touch nothing the checks look at. */
const HARMLESS_SCHEMA = new Set([
  'withSchema',
  'hasTable',
  'hasColumn',
  'createSchema',
  'createSchemaIfNotExists',
  'dropSchema',
  'dropSchemaIfExists',
  'createExtension',
  'createExtensionIfNotExists',
  'dropExtension',
  'dropExtensionIfExists',
])
/** `this` methods a migration may call without touching tables. */
const HARMLESS_THIS = new Set(['defer', 'now'])

/** A file that imports names from the app is read again with each checker: those files may change. */
const cache = new WeakMap<TS.SourceFile, { result: MigrationFile; checker?: TS.TypeChecker }>()

export function readMigration(
  ts: TsModule,
  file: TS.SourceFile,
  name: string,
  checker: TS.TypeChecker,
): MigrationFile {
  const cached = cache.get(file)
  if (cached?.result.name === name && (!cached.checker || cached.checker === checker)) return cached.result
  const imports = readImportedConstants(ts, checker, file)
  const classes = file.statements.filter(ts.isClassDeclaration).filter((c) => extendsBaseSchema(ts, c))
  const ops: SchemaOp[] = []
  for (const cls of classes) {
    const up = cls.members.find(
      (m): m is TS.MethodDeclaration => ts.isMethodDeclaration(m) && memberName(ts, m.name) === 'up',
    )
    if (up?.body) readStatements(ts, up.body.statements, ops)
  }
  const result: MigrationFile = { fileName: file.fileName, name, recognized: classes.length > 0, ops }
  cache.set(file, imports ? { result, checker } : { result })
  return result
}

function extendsBaseSchema(ts: TsModule, cls: TS.ClassDeclaration): boolean {
  const heritage = cls.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]
  const expr = heritage?.expression
  return !!expr && ts.isIdentifier(expr) && schemaImports(ts, cls.getSourceFile()).has(expr.text)
}

/** Local names bound to Lucid's BaseSchema by the file's imports. */
function schemaImports(ts: TsModule, file: TS.SourceFile): Set<string> {
  const names = new Set<string>()
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue
    if (!SCHEMA_MODULES.has(statement.moduleSpecifier.text)) continue
    const clause = statement.importClause
    if (clause?.name) names.add(clause.name.text)
    const bindings = clause?.namedBindings
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements)
        if ((el.propertyName ?? el.name).text === 'BaseSchema') names.add(el.name.text)
    }
  }
  return names
}

function readStatements(ts: TsModule, statements: readonly TS.Statement[], ops: SchemaOp[]): void {
  for (const statement of statements) {
    const written = ts.isExpressionStatement(statement)
      ? statement.expression
      : ts.isReturnStatement(statement)
        ? statement.expression
        : undefined
    // `void this.schema.createTable(...)` (a lint rule against floating promises) is the same statement.
    const expression = written && ts.isVoidExpression(written) ? written.expression : written
    if (expression) {
      const chain = callChain(ts, expression)
      if (chain && isThisSchema(ts, skipOuter(ts, chain.root))) ops.push(...schemaChain(ts, chain.calls))
      else scan(ts, statement, ops)
    } else if (ts.isBlock(statement)) readStatements(ts, statement.statements, ops)
    else if (ts.isIfStatement(statement)) {
      // `if (!(await this.schema.hasTable('x'))) this.schema.createTable(...)`: applied as written.
      scan(ts, statement.expression, ops)
      readStatements(ts, [statement.thenStatement], ops)
      if (statement.elseStatement) readStatements(ts, [statement.elseStatement], ops)
    } else if (ts.isTryStatement(statement)) readStatements(ts, statement.tryBlock.statements, ops)
    else scan(ts, statement, ops)
  }
}

function schemaChain(ts: TsModule, calls: ChainCall[]): SchemaOp[] {
  const ops: SchemaOp[] = []
  for (const call of calls) {
    const [a, b] = call.args
    const name = constantString(ts, a)
    const unreadable = (): SchemaOp => ({ kind: 'unknown', reason: `this.schema.${call.name}(...)` })
    switch (call.name) {
      case 'createTable':
      case 'createTableIfNotExists':
        ops.push(
          name === undefined
            ? unreadable()
            : {
                kind: 'createTable',
                table: name,
                body: readTableBody(ts, b),
                ifNotExists: call.name === 'createTableIfNotExists',
              },
        )
        break
      case 'alterTable':
      case 'table':
        ops.push(
          name === undefined ? unreadable() : { kind: 'alterTable', table: name, body: readTableBody(ts, b) },
        )
        break
      case 'dropTable':
      case 'dropTableIfExists':
      case 'dropView':
      case 'dropViewIfExists':
      case 'dropMaterializedView':
      case 'dropMaterializedViewIfExists':
        ops.push(name === undefined ? unreadable() : { kind: 'dropTable', table: name })
        break
      case 'renameTable': {
        const to = constantString(ts, b)
        ops.push(
          name === undefined || to === undefined ? unreadable() : { kind: 'renameTable', from: name, to },
        )
        break
      }
      case 'createView':
      case 'createViewOrReplace':
      case 'createMaterializedView':
      case 'createTableLike':
        ops.push(name === undefined ? unreadable() : { kind: 'opaqueTable', table: name, created: true })
        break
      case 'raw':
        ops.push(...(name === undefined ? [unreadable()] : rawSqlOps(name)))
        break
      default:
        if (!HARMLESS_SCHEMA.has(call.name)) ops.push(unreadable())
    }
  }
  return ops
}

/**
 * Code we do not read as schema statements: it must not hide schema changes. Raw SQL is parsed, a
 * `.schema` used any other way (`db.schema` in a deferred callback, `this.schema` in a loop) or a
 * helper method of the migration makes the schema uncertain.
 */
function scan(ts: TsModule, node: TS.Node, ops: SchemaOp[]): void {
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const callee = node.expression
    const method = callee.name.text
    const chain = callChain(ts, node)
    const root = chain && skipOuter(ts, chain.root)
    if (root && isThisSchema(ts, root) && chain.calls.every((c) => HARMLESS_SCHEMA.has(c.name))) return
    if (method === 'raw' || method === 'rawQuery') {
      const sql = constantString(ts, node.arguments[0])
      ops.push(
        ...(sql === undefined ? [{ kind: 'unknown' as const, reason: `${method}(...)` }] : rawSqlOps(sql)),
      )
      return
    } else if (callee.expression.kind === ts.SyntaxKind.ThisKeyword && !HARMLESS_THIS.has(method)) {
      ops.push({ kind: 'unknown', reason: `this.${method}()` })
    }
  } else if (ts.isPropertyAccessExpression(node) && node.name.text === 'schema') {
    ops.push({ kind: 'unknown', reason: `${node.getText()} used outside a statement` })
    return
  }
  ts.forEachChild(node, (child) => scan(ts, child, ops))
}
