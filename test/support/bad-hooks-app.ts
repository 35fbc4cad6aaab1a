// The example app with its database, where User.publishedPosts has an onQuery hook of a shape
// previews cannot read (it hands the query to a helper inside a whereHas callback) and Post gets a
// hook whose body is a number: previews of every other relation, and the graph, must not
// notice; previews of those relations run without the hook and say why.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { repoRoot } from './paths'

export const BAD_HOOK_WARNING =
  /^onQuery of "User\.publishedPosts" was not applied: `helper\(c\)` is not supported in previews: it passes "c" to `helper`/

export async function badHooksApp(): Promise<{ root: string; remove: () => void }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-bad-hooks-'))
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), root, { recursive: true })
  const script = await (
    new Function('s', 'return import(s)') as (s: string) => Promise<Record<string, unknown>>
  )(path.join(repoRoot, 'scripts', 'example-db.mjs'))
  await (script['createExampleDb'] as (file: string) => Promise<unknown>)(
    path.join(root, 'tmp', 'db.sqlite3'),
  )
  const user = path.join(root, 'app', 'models', 'user.ts')
  const userText = fs.readFileSync(user, 'utf8')
  const hook = "onQuery: (query) => {\n      query.where('isPublished', true)\n    },"
  if (!userText.includes(hook)) throw new Error('the example app changed: update badHooksApp')
  fs.writeFileSync(
    user,
    userText.replace(hook, "onQuery: (query) => query.whereHas('comments', (c) => helper(c)),") +
      '\nfunction helper(query: unknown) {\n  return query\n}\n',
  )
  const post = path.join(root, 'app', 'models', 'post.ts')
  const postText = fs.readFileSync(post, 'utf8')
  const plain = '@hasMany(() => Comment)\n  declare comments'
  if (!postText.includes(plain)) throw new Error('the example app changed: update badHooksApp')
  fs.writeFileSync(
    post,
    postText.replace(plain, '@hasMany(() => Comment, { onQuery: (q) => 5 })\n  declare comments'),
  )
  return { root, remove: () => fs.rmSync(root, { recursive: true, force: true }) }
}
