// Names read off imports and exports without the checker (static-resolve.ts) must name exactly what
// the checker names, and must say nothing where a scope, a merge or a re-export makes it unsure.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ts from 'typescript'
import { ProjectService } from '../../server/src/project/project-service'
import { resolveName } from '../../server/src/analysis/resolve'
import { resolveStatically } from '../../server/src/analysis/static-resolve'
import { createTempApp, type TempApp } from '../support/temp-app'

const FILES: Record<string, string> = {
  'app/models/tag.ts': `import { BaseModel } from '@adonisjs/lucid/orm'
export default class Tag extends BaseModel {}
export class Label extends BaseModel {}
export const Badge = class extends BaseModel {}
`,
  'app/models/index.ts': `export { default as Tag, Label } from './tag.js'
import { Badge } from './tag.js'
export { Badge as Chip }
export * from './more.js'
`,
  'app/models/more.ts': `export class Extra {}
`,
  'app/models/merged.ts': `export default class Merged {}
export default interface Merged { extra: string }
`,
  'app/models/typed.ts': `export const Shape = 1
export type Shape = { id: number }
`,
  'app/models/aliased.ts': `import Tag from './tag.js'
export default Tag
`,
  'app/services/uses.ts': `import Tag from '#models/tag'
import { Label as Sticker, Label } from '#models/tag'
import { Tag as Reexported, Chip, Extra } from '#models/index'
import Aliased from '#models/aliased'
import Merged from '#models/merged'
import * as Models from '#models/index'
import { Shape } from '#models/typed'
import { DateTime } from 'luxon'

export const top = [Tag, Sticker, Reexported, Chip, Aliased, Merged, Models, Extra, DateTime]
export const lazy = () => Tag
export type ShapeType = Shape
export const shapeValue = Shape

export function shadowedByParameter(Tag: number) {
  return Tag
}

export function shadowedByBlock() {
  if (Math.random()) {
    const Sticker = 2
    return Sticker
  }
  return Sticker
}

export function shadowedByHoistedVar() {
  {
    {
      var Chip = 3
    }
  }
  return Chip
}

export function shadowedByCatchAndLoop() {
  try {
    for (const Aliased of [1]) return Aliased
  } catch (Merged) {
    return Merged
  }
  return [Aliased, Merged]
}

export function labelsAndPatterns({ Tag: renamed }: { Tag: number }) {
  outer: for (const x of [renamed]) {
    if (x) break outer
  }
  const { Sticker: other = Tag } = { Sticker: Label }
  return other
}

declare function rel(target: () => unknown): PropertyDecorator & MethodDecorator
declare function inject(target: unknown): ParameterDecorator
const k = 'key'

export class Decorated {
  // The checker resolves a decorator at the class, and a computed name outside the method.
  @rel(() => Tag) load(Tag: string) {
    return Tag
  }
  method(@inject(Sticker) Sticker: number) {
    return Sticker
  }
  [k](k: number) {
    return k
  }
}

export enum Kind {
  Tag = 'u',
  Admin = Tag,
}

export function defaultSeesBody(m = Chip) {
  return m
  class Chip {}
}

export const expression = class Tag {
  self = Tag
}

export class UsesTag {
  field = Tag
  method() {
    const local = Tag
    return () => [local, Reexported]
  }
}
`,
}

function withApp(run: (app: TempApp, uses: ts.SourceFile, program: ts.Program) => void): void {
  const app = createTempApp(FILES)
  try {
    const project = new ProjectService(ts).projectFor(app.file('app/services/uses.ts'))
    assert.ok(project)
    const program = project.program()
    const uses = program.getSourceFile(app.file('app/services/uses.ts'))
    assert.ok(uses)
    run(app, uses, program)
  } finally {
    app.remove()
  }
}

function identifiers(file: ts.Node): ts.Identifier[] {
  const out: ts.Identifier[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) out.push(node)
    ts.forEachChild(node, visit)
  }
  visit(file)
  return out
}

function describe(resolution: ReturnType<typeof resolveName> | undefined): string {
  if (!resolution) return 'unsure'
  if (resolution.kind !== 'declaration') return resolution.kind
  const decl = resolution.declaration
  const where = `${decl.getSourceFile().fileName.replace(/.*\/app\//, '')}:${decl.getStart()}`
  return `${ts.SyntaxKind[decl.kind]} ${where} ${resolution.module ?? ''} ${resolution.importedName ?? ''}`
}

test('every name answered without the checker is the declaration the checker finds', () => {
  withApp((_app, uses, program) => {
    const checker = program.getTypeChecker()
    let answered = 0
    for (const id of identifiers(uses)) {
      const fast = resolveStatically(ts, program, id)
      if (!fast) continue
      answered++
      const line = uses.getLineAndCharacterOfPosition(id.getStart()).line + 1
      assert.equal(describe(fast), describe(resolveName(ts, checker, id)), `${id.text} at line ${line}`)
    }
    assert.ok(answered >= 10, `only ${answered} names were answered without the checker`)
  })
})

test('imports, re-exports and aliases are followed to the class, named after the first import', () => {
  withApp((_app, uses, program) => {
    const top = uses.statements.find(
      (s): s is ts.VariableStatement =>
        ts.isVariableStatement(s) && s.declarationList.declarations[0]?.name.getText() === 'top',
    )
    const array = top?.declarationList.declarations[0]?.initializer
    assert.ok(array && ts.isArrayLiteralExpression(array))
    const answers = array.elements.map((e) => describe(resolveStatically(ts, program, e)))
    const [tag, sticker, reexported, chip, aliased, merged, models, extra, dateTime] = answers
    assert.match(tag ?? '', /^ClassDeclaration models\/tag\.ts:\d+ #models\/tag default$/)
    assert.match(sticker ?? '', /^ClassDeclaration models\/tag\.ts:\d+ #models\/tag Label$/)
    assert.match(reexported ?? '', /^ClassDeclaration models\/tag\.ts:\d+ #models\/index Tag$/)
    assert.match(chip ?? '', /^VariableDeclaration models\/tag\.ts:\d+ #models\/index Chip$/)
    assert.match(aliased ?? '', /^ClassDeclaration models\/tag\.ts:\d+ #models\/aliased default$/)
    // A class merged with an interface, a namespace import, a name only `export *` may give, a package.
    assert.deepEqual([merged, models, extra, dateTime], ['unsure', 'unsure', 'unsure', 'unsure'])
  })
})

test("a name an inner scope binds is that scope's declaration; a var or a merge is left to the checker", () => {
  withApp((_app, uses, program) => {
    const answers = (fn: string, name: string): string[] => {
      const decl = uses.statements.find(
        (s) => (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name?.text === fn,
      )
      assert.ok(decl, fn)
      return identifiers(decl)
        .filter((id) => id.text === name && (id.parent as { name?: ts.Node }).name !== id)
        .map((id) => {
          const found = resolveStatically(ts, program, id)
          if (!found) return 'unsure'
          if (found.kind !== 'declaration') return found.kind
          return found.module ? `import ${found.module}` : ts.SyntaxKind[found.declaration.kind]
        })
    }
    assert.deepEqual(answers('shadowedByParameter', 'Tag'), ['Parameter'])
    // Inside the block the local wins; after it, the import.
    assert.deepEqual(answers('shadowedByBlock', 'Sticker'), ['VariableDeclaration', 'import #models/tag'])
    // A var is hoisted (and may be declared twice): the checker's.
    assert.deepEqual(answers('shadowedByHoistedVar', 'Chip'), ['unsure'])
    assert.deepEqual(answers('shadowedByCatchAndLoop', 'Aliased'), [
      'VariableDeclaration',
      'import #models/aliased',
    ])
    // The catch variable, then the import of a class merged with an interface (the checker's).
    assert.deepEqual(answers('shadowedByCatchAndLoop', 'Merged'), ['VariableDeclaration', 'unsure'])
    assert.deepEqual(answers('UsesTag', 'Tag'), ['import #models/tag', 'import #models/tag'])
    assert.deepEqual(answers('UsesTag', 'local'), ['VariableDeclaration'])
    assert.deepEqual(answers('UsesTag', 'Reexported'), ['import #models/index'])
  })
})

test('a type position reads a name only when it declares a class; a const merged with a type is unsure', () => {
  withApp((_app, uses, program) => {
    const named = (name: string) => identifiers(uses).filter((id) => id.text === name)
    const [, typeUse, valueUse] = named('Shape')
    assert.ok(typeUse && valueUse)
    // `Shape` is both a const and a type in typed.ts: the checker must say which one each place means.
    assert.equal(resolveStatically(ts, program, typeUse), undefined)
    assert.equal(resolveStatically(ts, program, valueUse), undefined)
  })
})
