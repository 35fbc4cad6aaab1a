// The `column` decorator a fix writes must be imported from Lucid: reuse the file's import (and its
// alias), extend its named imports, or add an import in the file's generation and quote style.
import type * as TS from 'typescript'
import type { ModelIndex } from '../../analysis'
import { insertAt, type OffsetEdit } from './fix'
import { newlineOf, quoteOf } from './text-style'

const ORM_MODULES = ['@adonisjs/lucid/orm', '@ioc:Adonis/Lucid/Orm']

export interface ColumnImport {
  /** The local name to write after `@` (an alias when the file renames `column`). */
  name: string
  edits: OffsetEdit[]
}

export function columnImport(index: ModelIndex, file: TS.SourceFile): ColumnImport {
  const ts = index.ts
  const ormImports = file.statements.filter(
    (s): s is TS.ImportDeclaration =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      ORM_MODULES.includes(s.moduleSpecifier.text) &&
      !s.importClause?.isTypeOnly,
  )
  for (const decl of ormImports) {
    const bindings = decl.importClause?.namedBindings
    if (!bindings || !ts.isNamedImports(bindings)) continue
    const existing = bindings.elements.find(
      (e) => (e.propertyName ?? e.name).text === 'column' && !e.isTypeOnly,
    )
    if (existing) return { name: existing.name.text, edits: [] }
  }
  for (const decl of ormImports) {
    const bindings = decl.importClause?.namedBindings
    if (!bindings || !ts.isNamedImports(bindings)) continue
    const last = bindings.elements[bindings.elements.length - 1]
    if (last) return { name: 'column', edits: [insertAt(file, last.getEnd(), ', column')] }
    const open = bindings.getStart(file) + 1
    return { name: 'column', edits: [insertAt(file, open, ' column ')] }
  }
  const module = ormImports[0]?.moduleSpecifier
  const spec = module && ts.isStringLiteral(module) ? module.text : defaultModule(index)
  const q = quoteOf(file)
  const nl = newlineOf(file)
  const imports = file.statements.filter(ts.isImportDeclaration)
  const after = imports[imports.length - 1]
  const text = `import { column } from ${q}${spec}${q}`
  return {
    name: 'column',
    edits: [after ? insertAt(file, after.getEnd(), `${nl}${text}`) : insertAt(file, 0, `${text}${nl}`)],
  }
}

function defaultModule(index: ModelIndex): string {
  return index.generation === 'v5' ? '@ioc:Adonis/Lucid/Orm' : '@adonisjs/lucid/orm'
}
