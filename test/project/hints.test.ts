// Off-by-default codes (LL503) are computed only when a severity setting names them: nobody would
// see them otherwise, and the check that finds them walks every function that preloads.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ts from 'typescript'
import { ProjectService } from '../../server/src/project/project-service'
import { createTempApp } from '../support/temp-app'

const NEWSLETTER = `import User from '#models/user'

export default class NewsletterService {
  async recipients() {
    const users = await User.query().preload('posts').orderBy('email')
    return users.map((user) => user.email).join(', ')
  }
}
`

test('LL503 is not computed by default; the ProjectService computes it once hints name it', (t) => {
  const app = createTempApp({ 'app/services/newsletter_service.ts': NEWSLETTER })
  t.after(() => app.remove())
  const file = app.file('app/services/newsletter_service.ts')
  const service = new ProjectService(ts)
  const project = service.projectFor(file)
  assert.ok(project)
  const codes = () => project.findings(file).map((f) => f.code)
  assert.deepEqual(codes(), [])
  service.setHints(['LL503'])
  assert.deepEqual(codes(), ['LL503'])
  service.setHints([])
  assert.deepEqual(codes(), [])
  // A project created after the setting takes it too.
  const later = new ProjectService(ts, { hints: ['LL503'] }).projectFor(file)
  assert.deepEqual(
    later?.findings(file).map((f) => f.code),
    ['LL503'],
  )
})
