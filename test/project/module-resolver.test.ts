// The module resolution cache is bounded: import paths typed one after the other (each a new path
// that resolves nowhere) replace the cache past the bound, and resolutions stay right after it.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ts from 'typescript'
import { STALE_LOOKUP_LIMIT } from '../../server/src/project/module-resolver'
import { ProjectService } from '../../server/src/project/project-service'
import { createTempApp, POST_MODEL } from '../support/temp-app'

test('new unresolvable import paths replace the cache past the bound; findings stay right', (t) => {
  const app = createTempApp({ 'app/models/post.ts': POST_MODEL.replace('declare userId', 'declare ownerId') })
  t.after(() => app.remove())
  const service = new ProjectService(ts)
  const user = app.file('app/models/user.ts')
  const project = service.projectFor(user)
  assert.ok(project)
  const original = ts.sys.readFile(user) ?? ''
  const codes = () => project.findings(user).map((f) => f.code)
  assert.deepEqual(codes(), ['LL104'])
  const resolver = (project as unknown as { resolver: { resets: number } }).resolver
  const edits = STALE_LOOKUP_LIMIT * 2 + 1
  for (let i = 1; i <= edits; i++) {
    service.openDocument(user, original.replace("from '#models/post'", `from '#models/gone_${i}'`), i + 1)
    // Post is still found (by the analysis' own lookup of model classes): the finding stays.
    assert.deepEqual(codes(), ['LL104'], `edit ${i}`)
  }
  assert.equal(resolver.resets, 2)
  service.openDocument(user, original, edits + 2)
  assert.deepEqual(codes(), ['LL104'])
  const program = project.program()
  const file = program.getSourceFile(user)
  assert.ok(file)
  const spec = file.statements
    .filter(ts.isImportDeclaration)
    .map((d) => d.moduleSpecifier)
    .find((m) => ts.isStringLiteral(m) && m.text === '#models/post')
  assert.ok(spec)
  const module = program.getTypeChecker().getSymbolAtLocation(spec)
  assert.equal(module?.declarations?.[0]?.getSourceFile().fileName, app.file('app/models/post.ts'))
})
