// The preview requests over JSON-RPC against the example app's seeded SQLite database: models, rows,
// previews (reads, dry-run writes, EXPLAIN, variables). Problems, cancelling and limits: preview-problems.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  MODELS_REQUEST,
  placeholder,
  ROWS_REQUEST,
  type ModelsResult,
  type RowsResult,
} from '../../server/src/protocol'
import { result, sqlOf, useSeededBlog } from '../support/seeded-blog'

const blog = useSeededBlog()

test('models: each model with its table, columns and relations, keys resolved, findings on relations', async () => {
  const answer: ModelsResult = await blog.lsp.client.sendRequest(MODELS_REQUEST, { uri: blog.userUri })
  assert.equal(answer.apps.length, 1)
  const models = answer.apps[0]?.models ?? []
  const user = models.find((m) => m.name === 'User')
  assert.deepEqual(
    { ...user, relations: undefined },
    {
      name: 'User',
      table: 'users',
      primaryKey: 'id',
      uri: blog.userUri,
      line: 7,
      columns: ['id', 'organizationUuid', 'fullName', 'email', 'createdAt', 'updatedAt'],
      columnNames: ['id', 'organization_uuid', 'full_name', 'email', 'created_at', 'updated_at'],
      relations: undefined,
    },
  )
  assert.deepEqual(user?.relations[0], {
    name: 'posts',
    kind: 'hasMany',
    relatedModel: 'Post',
    localKey: 'id',
    foreignKey: 'userId',
    problems: [],
    previewable: true,
  })
  const post = models.find((m) => m.name === 'Post')
  assert.deepEqual(
    post?.relations.map((r) => [r.name, r.kind, r.localKey, r.foreignKey, r.previewable]),
    [
      ['author', 'belongsTo', 'id', 'userId', true],
      ['category', 'belongsTo', 'id', 'categoryId', true],
      ['comments', 'hasMany', 'id', 'postId', true],
      ['approvedComments', 'hasMany', 'id', 'post_id', true],
      ['tags', 'manyToMany', 'id', undefined, true],
    ],
  )
  // manyToMany is described by its pivot table, with Lucid's relatedKey under its own name.
  const tags = post?.relations.find((r) => r.name === 'tags')
  assert.deepEqual(
    [tags?.relatedKey, tags?.pivot],
    ['id', { table: 'post_tag', foreignKey: 'post_id', relatedForeignKey: 'tag_id' }],
  )
  const approved = post?.relations.find((r) => r.name === 'approvedComments')
  assert.deepEqual(approved?.problems, ['LL103'])
  // Without a document: every app the server knows.
  const all: ModelsResult = await blog.lsp.client.sendRequest(MODELS_REQUEST, {})
  assert.deepEqual(
    all.apps.map((a) => a.root),
    [blog.app],
  )
})

test('rows: the key, a readable label and details, in key order, filtered by the search text', async () => {
  const users: RowsResult = await blog.lsp.client.sendRequest(ROWS_REQUEST, {
    uri: blog.userUri,
    model: 'User',
  })
  assert.equal(users.kind, 'rows', JSON.stringify(users))
  if (users.kind !== 'rows') return
  assert.equal(users.target, 'sqlite tmp/db.sqlite3')
  assert.equal(users.keyAttribute, 'id')
  assert.equal(users.labelAttribute, 'email')
  assert.equal(users.rows.length, 12)
  assert.deepEqual(users.rows[0], {
    key: 1,
    label: 'user1@example.com',
    // Readable columns first: the organization's uuid would push them out of view.
    detail:
      'fullName: User 1 · createdAt: 2026-01-01T09:30:00.000+00:00 · updatedAt: 2026-01-02T09:30:00.000+00:00',
  })
  const search = async (text: string, limit?: number) => {
    const answer: RowsResult = await blog.lsp.client.sendRequest(ROWS_REQUEST, {
      uri: blog.userUri,
      model: 'User',
      search: text,
      limit,
    })
    return answer.kind === 'rows' ? answer.rows.map((r) => r.key) : answer
  }
  assert.deepEqual(await search('USER1'), [1, 10, 11, 12])
  assert.deepEqual(await search('3'), [3])
  assert.deepEqual(await search('user', 2), [1, 2])
  assert.deepEqual(await search("x' or 1=1 --"), [])
  const posts: RowsResult = await blog.lsp.client.sendRequest(ROWS_REQUEST, {
    uri: blog.userUri,
    model: 'Post',
    limit: 1,
  })
  assert.equal(posts.kind === 'rows' && posts.labelAttribute, 'title')
  const unknown: RowsResult = await blog.lsp.client.sendRequest(ROWS_REQUEST, {
    uri: blog.userUri,
    model: 'Author',
  })
  assert.equal(unknown.kind === 'error' && unknown.code, 'E_PLAN')
})

test('preview: a read runs read-only and answers with the plan, the target and the result', async () => {
  const answer = result(
    await blog.preview({
      expression: "await User.findOrFail(2).related('posts').query().orderBy('id').limit(2);",
    }),
  )
  assert.equal(answer.target, 'sqlite tmp/db.sqlite3')
  assert.equal(answer.dryRun, false)
  assert.equal(answer.plan.model, 'User')
  assert.deepEqual(
    answer.result.statements.map((s) => s.sql),
    [
      'select * from `users` where `id` = ? limit ?',
      'select * from `posts` where `user_id` = ? order by `id` asc limit ?',
    ],
  )
  assert.equal((answer.result.result as unknown[]).length, 2)
  const capped = result(await blog.preview({ expression: 'Comment.query()', rowCap: 5 }))
  assert.equal(capped.result.truncated, true)
  assert.equal((capped.result.result as unknown[]).length, 5)
})

test('preview: a write runs as a dry run and the database file is unchanged', async () => {
  const before = blog.checksum()
  const answer = result(
    await blog.preview({
      expression:
        "User.findOrFail(2).related('posts').create({ title: 'Dry', slug: 'dry', isPublished: false })",
    }),
  )
  assert.equal(answer.dryRun, true)
  assert.ok(answer.result.statements.some((s) => /^insert into `posts`/.test(s.sql)))
  assert.ok(answer.result.warnings.includes('rolled back: nothing was written'))
  assert.equal(blog.checksum(), before)
})

test('preview with explain: each read carries its plan tree; analyze of a dry run changes nothing', async () => {
  const expression = "User.query().where('id', 2).preload('posts')"
  const planned = result(await blog.preview({ expression, explain: 'plan' }))
  for (const statement of planned.result.statements) {
    assert.equal(statement.plan?.dialect, 'sqlite', statement.sql)
    assert.ok((statement.plan?.nodes.length ?? 0) > 0)
  }
  const posts = planned.result.statements[1]?.plan?.nodes[0]
  assert.deepEqual([posts?.table, posts?.fullScan], ['posts', false])
  const plain = result(await blog.preview({ expression }))
  assert.ok(plain.result.statements.every((s) => s.plan === undefined))
  assert.deepEqual(planned.result.result, plain.result.result)
  // An unknown mode is no plan, not a failure.
  const unknown = result(await blog.preview({ expression, explain: 'verbose' as 'plan' }))
  assert.ok(unknown.result.statements.every((s) => s.plan === undefined))
  const before = blog.checksum()
  const write = result(
    await blog.preview({
      expression:
        "User.findOrFail(2).related('posts').create({ title: 'Dry', slug: 'dry', isPublished: false })",
      explain: 'analyze',
    }),
  )
  assert.equal(write.dryRun, true)
  assert.ok(write.result.statements[0]?.plan)
  assert.equal(blog.checksum(), before)
})

test('preview: a chain on an unbound variable asks for it, then runs from the bound row', async () => {
  const expression = "user.related('posts').query().orderBy('id')"
  assert.deepEqual(await blog.preview({ expression }), {
    kind: 'needsVariables',
    variables: [{ name: 'user', model: 'User' }],
  })
  assert.deepEqual(await blog.preview({ expression: "draft.related('comments').query()" }), {
    kind: 'needsVariables',
    variables: [{ name: 'draft' }],
  })
  const answer = result(await blog.preview({ expression, variables: { user: { model: 'User', key: 3 } } }))
  assert.deepEqual(answer.result.statements[0]?.bindings, [3, 1])
  assert.ok((answer.result.result as { userId: number }[]).every((p) => p.userId === 3))
  const missing = await blog.preview({ expression, variables: { user: { model: 'User', key: 999 } } })
  assert.deepEqual(missing, { kind: 'error', message: 'Row not found', code: 'E_ROW_NOT_FOUND' })
})

test('preview: an argument that is a variable is asked for, then bound to the value given', async () => {
  const expression = "User.query().orderBy('id').paginate(page, 2)"
  assert.deepEqual(await blog.preview({ expression }), {
    kind: 'needsVariables',
    variables: [{ name: 'page', value: true }],
  })
  const answer = result(await blog.preview({ expression, values: { page: 2 } }))
  assert.deepEqual(answer.plan.calls.at(-1), {
    method: 'paginate',
    args: [
      { kind: 'value', value: 2 },
      { kind: 'value', value: 2 },
    ],
  })
  assert.equal((answer.result.result as { meta: { currentPage: number } }).meta.currentPage, 2)
})

test('preview: a row bound to a placeholder (no rows to pick) shows the SQL, with the database unread', async () => {
  const before = blog.checksum()
  const answer = sqlOf(
    await blog.preview({
      expression: "user.related('posts').query()",
      variables: { user: { model: 'User', key: placeholder('User', 'id') } },
    }),
  )
  assert.deepEqual(answer, {
    dialect: 'SQLite',
    sql: ['select * from `users` where `id` = ? limit ?', 'select * from `posts` where `user_id` = ?'],
    message: 'Not run: "user" is a placeholder (<User.id>): no User row could be listed.',
    hint: 'Previews run from a real row: add a User (a seeder, or the app), or run node ace migration:run if its table is missing.',
    code: 'E_NO_ROWS',
  })
  assert.equal(blog.checksum(), before)
})
