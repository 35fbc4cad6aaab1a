// Creates examples/blog/tmp/db.sqlite3 the way `node ace migration:run` + a seeder would: it runs the
// app's own migration files (transpiled with TypeScript, `BaseSchema` backed by knex's schema
// builder) and then inserts deterministic rows. Re-running starts from an empty database.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import knexFactory from 'knex'
import ts from 'typescript'

const require = createRequire(import.meta.url)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const exampleApp = join(root, 'examples', 'blog')
export const exampleDb = join(exampleApp, 'tmp', 'db.sqlite3')

/** Just enough of Lucid's BaseSchema for migrations: `this.schema` is one knex schema builder. */
function schemaClass(knex) {
  return class BaseSchema {
    constructor() {
      this.schema = knex.schema
    }
  }
}

function loadMigration(file, BaseSchema) {
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  })
  const module = { exports: {} }
  const localRequire = (id) => (id === '@adonisjs/lucid/schema' ? { BaseSchema } : require(id))
  new Function('module', 'exports', 'require', outputText)(module, module.exports, localRequire)
  return module.exports.default
}

/** A small deterministic generator, so every run seeds the same rows. */
function random(seed) {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

async function seed(knex) {
  const next = random(42)
  const pick = (n) => Math.floor(next() * n)
  // The format Lucid itself writes DateTime columns in for SQLite, so its dateTime columns parse them.
  const at = (day) => new Date(Date.UTC(2026, 0, 1 + day, 9, 30)).toISOString().slice(0, 19).replace('T', ' ')
  const orgs = ['Acme', 'Globex', 'Initech'].map((name, i) => ({
    uuid: `00000000-0000-4000-8000-00000000000${i + 1}`,
    name,
    created_at: at(i),
  }))
  await knex('organizations').insert(orgs)
  const users = Array.from({ length: 12 }, (_, i) => ({
    organization_uuid: i === 11 ? null : orgs[i % 3].uuid,
    full_name: i === 10 ? null : `User ${i + 1}`,
    email: `user${i + 1}@example.com`,
    created_at: at(i),
    updated_at: at(i + 1),
  }))
  await knex('users').insert(users)
  const categories = [
    { parent_id: null, name: 'Engineering', slug: 'engineering' },
    { parent_id: null, name: 'Design', slug: 'design' },
    { parent_id: 1, name: 'Databases', slug: 'databases' },
    { parent_id: 1, name: 'Frontend', slug: 'frontend' },
    { parent_id: 3, name: 'SQLite', slug: 'sqlite' },
    { parent_id: 2, name: 'Typography', slug: 'typography' },
  ]
  await knex('categories').insert(categories)
  const posts = Array.from({ length: 60 }, (_, i) => ({
    user_id: (i % 10) + 1,
    category_id: i % 7 === 0 ? null : pick(categories.length) + 1,
    title: `Post ${i + 1}`,
    slug: `post-${i + 1}`,
    is_published: i % 3 !== 0,
    published_at: i % 3 !== 0 ? at(i) : null,
    created_at: at(i),
  }))
  await knex.batchInsert('posts', posts, 50)
  const comments = Array.from({ length: 200 }, (_, i) => ({
    post_id: pick(60) + 1,
    author_id: pick(12) + 1,
    body: `Comment ${i + 1}`,
    is_approved: i % 4 !== 0,
    created_at: at(pick(90)),
  }))
  await knex.batchInsert('comments', comments, 50)
  const tags = ['lucid', 'adonisjs', 'sql', 'typescript', 'design', 'news'].map((name) => ({ name }))
  await knex('tags').insert(tags)
  const pivot = new Set()
  for (let i = 0; i < 90; i++) pivot.add(`${pick(60) + 1}:${pick(tags.length) + 1}`)
  const links = [...pivot]
    .map((pair) => pair.split(':').map(Number))
    .map(([p, t]) => ({ post_id: p, tag_id: t }))
  await knex.batchInsert('post_tag', links, 50)
  return {
    organizations: orgs.length,
    users: users.length,
    categories: categories.length,
    posts: posts.length,
    comments: comments.length,
    tags: tags.length,
    postTags: links.length,
  }
}

/**
 * `target` is a SQLite file (recreated) or a knex config for an existing, empty database on another
 * server, e.g. `{ client: 'pg', connection: { host, user, database } }`. `app` is the example app whose
 * migrations run (examples/blog, or examples/blog-v7, which has the same tables).
 */
export async function createExampleDb(target = exampleDb, app = exampleApp) {
  if (typeof target === 'string') {
    rmSync(target, { force: true })
    mkdirSync(dirname(target), { recursive: true })
  }
  const knex = knexFactory(
    typeof target === 'string'
      ? { client: 'better-sqlite3', connection: { filename: target }, useNullAsDefault: true }
      : { pool: { min: 0, max: 1 }, ...target },
  )
  try {
    const BaseSchema = schemaClass(knex)
    const dir = join(app, 'database', 'migrations')
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .sort()) {
      const Migration = loadMigration(join(dir, name), BaseSchema)
      const migration = new Migration()
      await migration.up()
      await migration.schema
    }
    return await seed(knex)
  } finally {
    await knex.destroy()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const counts = await createExampleDb(process.argv[2] ? resolve(process.argv[2]) : exampleDb)
  console.log(
    `Created ${process.argv[2] ?? 'examples/blog/tmp/db.sqlite3'}: ${Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  )
}
