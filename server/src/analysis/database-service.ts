// `db` / `Database`: Lucid's database service, known by the module it is imported from.
import type * as TS from 'typescript'
import { symbolAt } from './resolve'
import type { TsModule } from './syntax'

/** The modules `db` / `Database` come from (v6 and v7, v5). */
const DATABASE_MODULES = new Set(['@adonisjs/lucid/services/db', '@ioc:Adonis/Lucid/Database'])

/** `db` / `Database` imported from Lucid's database service. */
export function isDatabaseService(ts: TsModule, checker: TS.TypeChecker, receiver: TS.Expression): boolean {
  if (!ts.isIdentifier(receiver)) return false
  const decl = symbolAt(checker, receiver)?.declarations?.[0]
  const importDecl = decl && ts.findAncestor(decl, ts.isImportDeclaration)
  return (
    !!importDecl &&
    ts.isStringLiteral(importDecl.moduleSpecifier) &&
    DATABASE_MODULES.has(importDecl.moduleSpecifier.text)
  )
}
