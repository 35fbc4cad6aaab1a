// LL405's migration per generation: v5 writes make:migration's v5 stub (`@ioc:Adonis/Lucid/Schema`,
// `public async up ()`, the file named after the table), v7 the `--alter` stub in the folder the
// connection's `migrations.paths` names; both formatted like the folder's last migration. Applied,
// the migrations index the column and LL405 goes. Several folders (Lucid asks which): no fix.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { test } from 'node:test'
import type { CodeAction, WorkspaceEditClientCapabilities } from 'vscode-languageserver/node'
import { uriToPath } from '../../server/src/features/uri'
import { createTempApp } from '../support/temp-app'
import { editsOf, fixesAt, fixtureSession, pickAction, type FixtureSession } from './fix-runner'

const workspaceEdit: WorkspaceEditClientCapabilities = {
  documentChanges: true,
  resourceOperations: ['create'],
}

const V5_AUTHOR = `import { BaseModel, column, hasMany, HasMany } from '@ioc:Adonis/Lucid/Orm'
import Book from 'App/Models/Book'

export default class Author extends BaseModel {
  @column({ isPrimary: true })
  public id: number

  @column()
  public name: string

  @hasMany(() => Book)
  public books: HasMany<typeof Book>
}
`

const V5_BOOK = `import { BaseModel, column } from '@ioc:Adonis/Lucid/Orm'

export default class Book extends BaseModel {
  @column({ isPrimary: true })
  public id: number

  @column()
  public authorId: number

  @column()
  public title: string
}
`

// PostgreSQL: a foreign key constraint is no index (on MySQL it would be, and LL405 stays quiet).
const V5_DATABASE = `import Env from '@ioc:Adonis/Core/Env'
import { DatabaseConfig } from '@ioc:Adonis/Lucid/Database'

const databaseConfig: DatabaseConfig = {
  connection: Env.get('DB_CONNECTION'),
  connections: {
    pg: {
      client: 'pg',
      connection: { host: Env.get('PG_HOST'), database: Env.get('PG_DB_NAME') },
      migrations: { naturalSort: true },
      healthCheck: false,
    },
  },
}

export default databaseConfig
`

const v5Migration = (table: string, body: string) => `import BaseSchema from '@ioc:Adonis/Lucid/Schema'

export default class extends BaseSchema {
  protected tableName = '${table}'

  public async up () {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
${body}
    })
  }

  public async down () {
    this.schema.dropTable(this.tableName)
  }
}
`

const v5 = fixtureSession(
  () => {
    const app = createTempApp({
      'package.json': JSON.stringify({
        name: 'v5-library',
        dependencies: { '@adonisjs/core': '^5.9.0', '@adonisjs/lucid': '^18.4.0' },
      }),
      'tsconfig.json': JSON.stringify({
        include: ['**/*'],
        compilerOptions: {
          module: 'CommonJS',
          moduleResolution: 'node',
          experimentalDecorators: true,
          strictPropertyInitialization: false,
          baseUrl: '.',
          paths: { 'App/*': ['./app/*'] },
        },
      }),
      'config/database.ts': V5_DATABASE,
      'app/Models/Author.ts': V5_AUTHOR,
      'app/Models/Book.ts': V5_BOOK,
      'database/migrations/1650000000001_authors.ts': v5Migration('authors', "      table.string('name')"),
      'database/migrations/1650000000002_books.ts': v5Migration(
        'books',
        "      table.integer('author_id').unsigned().references('authors.id')\n      table.string('title')",
      ),
    })
    // The v6 models and controller every temp app starts with have no place in a v5 app.
    fs.rmSync(app.file('app/models'), { recursive: true })
    fs.rmSync(app.file('app/controllers'), { recursive: true })
    return app
  },
  { workspaceEdit },
)

const V7_DATABASE = `import { defineConfig } from "@adonisjs/lucid";

export default defineConfig({
    connection: "sqlite",
    connections: {
        sqlite: {
            client: "better-sqlite3",
            connection: { filename: "tmp/db.sqlite3" },
            migrations: { naturalSort: true, paths: ["./db/migrations"] },
        },
    },
});
`

const v7Create = (table: string, body: string) => `import { BaseSchema } from "@adonisjs/lucid/schema";

export default class extends BaseSchema {
    protected tableName = "${table}";

    async up() {
        this.schema.createTable(this.tableName, (table) => {
            table.increments("id");
${body}
        });
    }

    async down() {
        this.schema.dropTable(this.tableName);
    }
}
`

const v7 = fixtureSession(
  () =>
    createTempApp({
      'package.json': JSON.stringify({
        name: 'v7-blog',
        type: 'module',
        imports: { '#models/*': './app/models/*.js' },
        dependencies: { '@adonisjs/core': '^7.0.0', '@adonisjs/lucid': '^22.0.0' },
      }),
      'config/database.ts': V7_DATABASE,
      'db/migrations/1760000000001_create_users_table.ts': v7Create(
        'users',
        '            table.string("email");',
      ),
      'db/migrations/1760000000002_create_posts_table.ts': v7Create(
        'posts',
        '            table.integer("user_id").unsigned().references("users.id");\n            table.string("title");',
      ),
    }),
  { workspaceEdit },
)

async function indexFix(
  session: FixtureSession,
  model: string,
  line: number,
  title: string,
): Promise<{ uri: string; action: CodeAction; file: string; text: string }> {
  const { uri, fixes } = await fixesAt(session, model, 'LL405', line)
  const action = pickAction(fixes, title)
  const {
    created: [created],
    edits,
  } = editsOf(action.edit)
  assert.ok(created)
  const [edit] = edits.get(created) ?? []
  assert.ok(edit)
  return { uri, action, file: uriToPath(created) ?? '', text: edit.newText }
}

test('v5: the v5 alter stub, named after the table, in database/migrations', async () => {
  const { uri, action, file, text } = await indexFix(
    v5,
    'app/Models/Author.ts',
    11,
    'Add a migration indexing books.author_id',
  )
  assert.equal(path.dirname(file), v5.app.file('database/migrations'))
  assert.match(path.basename(file), /^\d{13}_books\.ts$/)
  assert.equal(
    text,
    `import BaseSchema from '@ioc:Adonis/Lucid/Schema'

export default class extends BaseSchema {
  protected tableName = 'books'

  public async up () {
    this.schema.alterTable(this.tableName, (table) => {
      table.index(['author_id'])
    })
  }

  public async down () {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['author_id'])
    })
  }
}
`,
  )
  await v5.run.applyAndRecheck(uri, 'LL405', action)
})

test('v7: the alter stub in the folder config/database.ts names, with its quotes, semicolons and indent', async () => {
  const { uri, action, file, text } = await indexFix(
    v7,
    'app/models/user.ts',
    12,
    'Add a migration indexing posts.user_id',
  )
  assert.equal(path.dirname(file), v7.app.file('db/migrations'))
  assert.match(path.basename(file), /^\d{13}_alter_posts_table\.ts$/)
  assert.equal(
    text,
    `import { BaseSchema } from "@adonisjs/lucid/schema";

export default class extends BaseSchema {
    protected tableName = "posts";

    async up() {
        this.schema.alterTable(this.tableName, (table) => {
            table.index(["user_id"]);
        });
    }

    async down() {
        this.schema.alterTable(this.tableName, (table) => {
            table.dropIndex(["user_id"]);
        });
    }
}
`,
  )
  await v7.run.applyAndRecheck(uri, 'LL405', action)
})

test('v7: with two migration folders (make:migration asks which) there is no fix', async () => {
  const config = await v7.run.open(v7.app.file('config/database.ts'))
  const written = v7.run.text(config)
  const two = written.replace('paths: ["./db/migrations"]', 'paths: ["./db/migrations", "./db/tenant"]')
  assert.notEqual(two, written)
  await v7.run.replace(config, two)
  const uri = await v7.run.open(v7.app.file('app/models/user.ts'))
  const diagnostic = await v7.run.diagnostic(uri, 'LL405', 12)
  const actions = await v7.run.actions(uri, diagnostic.range, [diagnostic], ['quickfix'])
  assert.deepEqual(
    actions.map((a) => a.title),
    [],
  )
})
