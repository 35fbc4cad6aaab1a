// Receivers found by following what the code hands over: the preloader of `author.load((loader) =>
// ...)`, the rows a factory hook receives, a helper reached through destructuring, and the methods of
// repository and service classes without declared return types. Each pattern is checked both ways:
// a misspelt relation is reported, a correct one is not, and a receiver that is not certain is not.
import { test } from 'node:test'
import { assertAppMatchesMarkers } from '../support/compare-markers'

const AUTHOR = `import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Book from '#models/book'

export default class Author extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare penName: string

  @hasMany(() => Book)
  declare books: HasMany<typeof Book>
}
`

const BOOK = `import { BaseModel, column, belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Author from '#models/author'
import Chapter from '#models/chapter'

export default class Book extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare authorId: number

  @belongsTo(() => Author)
  declare author: BelongsTo<typeof Author>

  @hasMany(() => Chapter)
  declare chapters: HasMany<typeof Chapter>
}
`

const CHAPTER = `import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Chapter extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare bookId: number
}
`

const models = {
  'package.json': JSON.stringify({
    name: 'library-app',
    type: 'module',
    imports: {
      '#models/*': './app/models/*.js',
      '#repositories/*': './app/repositories/*.js',
      '#services/*': './app/services/*.js',
      '#database/*': './database/*.js',
    },
    dependencies: { '@adonisjs/core': '^6.12.0', '@adonisjs/lucid': '^21.1.0' },
  }),
  'app/models/author.ts': AUTHOR,
  'app/models/book.ts': BOOK,
  'app/models/chapter.ts': CHAPTER,
}

const PRELOADERS = `import Author from '#models/author'
import type { PreloaderContract } from '@adonisjs/lucid/types/relations'

export default class ShelvesController {
  async show(id: number, anything: any) {
    const author = await Author.findOrFail(id)
    await author.load((loader) => loader.load('books').preload('bookz')) // expect LL201
    await author.load((loader) => {
      loader.load('boks') // expect LL201
    })
    await author.load((loader) => loader.load('books', (books) => books.preload('chapters')))
    await author.load((loader) => loader.load('books', (books) => books.preload('chapterz'))) // expect LL201
    await author.load((loader: any) => loader.load('books', (q: any) => q.preload('author')))
    await author.load((loader: any) => loader.load('books', (q: any) => q.preload('authr'))) // expect LL201
    const typed = (loader: PreloaderContract<Author>) => loader.preload('bookss') // expect LL201
    await author.load(typed)
    const first = author.books.at(0)!
    await first.load('chapterz') // expect LL201
    await first.load('chapters')
    await anything.load((loader: any) => loader.load('bookz'))
    const rows = await Author.all()
    rows.map((row) => row.load((loader) => loader.load('books')))
  }
}
`

test('preloader callbacks: load((loader) => ...) names relations of the instance, nested and typed any', () =>
  assertAppMatchesMarkers({ ...models, 'app/controllers/shelves_controller.ts': PRELOADERS }, 6))

const BASE_REPOSITORY = `import type { LucidModel } from '@adonisjs/lucid/types/model'

export default abstract class BaseRepository<T extends LucidModel> {
  constructor(public model: T) {}

  async findOrFail(id: number) {
    return this.model.findOrFail(id)
  }

  query() {
    const query = this.model.query()
    return query
  }

  async firstOrNothing(flag: boolean) {
    if (flag) return this.model.query().first()
    return undefined
  }
}
`

const AUTHOR_REPOSITORY = `import Author from '#models/author'
import BaseRepository from '#repositories/base_repository'

export default class AuthorRepository extends BaseRepository<typeof Author> {
  constructor() {
    super(Author)
  }
}
`

const SHELVES = `import Author from '#models/author'
import Book from '#models/book'

export class AuthorShelf {
  model = Author

  async first() {
    return this.model.query().firstOrFail()
  }
}

export class BookShelf extends AuthorShelf {
  model = Book
}
`

const AUTHOR_SERVICE = `import Book from '#models/book'
import AuthorRepository from '#repositories/author_repository'

export default class AuthorService {
  constructor(protected repo: AuthorRepository) {}

  async find(id: number) {
    return this.repo.findOrFail(id)
  }

  listing() {
    return this.repo.query().preload('bookz') // expect LL201
  }

  async either(flag: boolean) {
    if (flag) return this.repo.findOrFail(1)
    return Book.findOrFail(1)
  }
}
`

const HELPERS = `import Author from '#models/author'

export function helpers() {
  async function makeAuthor(): Promise<Author> {
    return Author.create({ penName: 'x' })
  }
  function makeAnything(): Promise<any> {
    return Promise.resolve(undefined)
  }
  return { makeAuthor, makeAnything }
}
`

const AUTHORS_CONTROLLER = `import type { LucidModel } from '@adonisjs/lucid/types/model'
import AuthorService from '#services/author_service'
import BaseRepository from '#repositories/base_repository'
import { helpers } from '#services/helpers'
import { AuthorShelf, BookShelf } from '#repositories/shelves'

const { makeAuthor, makeAnything } = helpers()

export default class AuthorsController {
  constructor(
    private authors: AuthorService,
    private anyRepo: BaseRepository<LucidModel>,
    private authorShelf: AuthorShelf,
    private bookShelf: BookShelf,
  ) {}

  async show(id: number) {
    const author = await this.authors.find(id)
    await author.load('bookz') // expect LL201
    await author.load('books')
    const q = this.authors.listing()
    await q.preload('books')
    const unknown = await this.anyRepo.findOrFail(id)
    await unknown.load('bookz')
    const mixed = await this.authors.either(true)
    await mixed.load('bookz')
    const maybe = await this.anyRepo.firstOrNothing(true)
    await maybe?.load('bookz')
    const made = await makeAuthor()
    await made.related('bookz').query() // expect LL201
    await made.related('books').query()
    const fromAuthors = await this.authorShelf.first()
    await fromAuthors.load('chapters') // expect LL201
    const fromBooks = await this.bookShelf.first()
    await fromBooks.load('chapters')
    await fromBooks.load('chapterz') // expect LL201
    const other = await makeAnything()
    await other.related('bookz').query()
  }
}
`

test('repositories and services: methods without return types, generic bases, overridden fields, destructured helpers', () =>
  assertAppMatchesMarkers(
    {
      ...models,
      'app/repositories/base_repository.ts': BASE_REPOSITORY,
      'app/repositories/author_repository.ts': AUTHOR_REPOSITORY,
      'app/repositories/shelves.ts': SHELVES,
      'app/services/author_service.ts': AUTHOR_SERVICE,
      'app/services/helpers.ts': HELPERS,
      'app/controllers/authors_controller.ts': AUTHORS_CONTROLLER,
    },
    5,
  ))

const FACTORIES = `import factory from '@adonisjs/lucid/factories'
import Author from '#models/author'
import Book from '#models/book'

export const BookFactory = factory.define(Book, () => ({ authorId: 1 })).build()

export const AuthorFactory = factory
  .define(Author, () => ({ penName: 'x' }))
  .relation('books', () => BookFactory)
  .after('create', async (_, row) => {
    await row.load('bookz') // expect LL201
    await row.load('books')
  })
  .build()
`

const SEEDER = `import { AuthorFactory } from '#database/factories/library'

export async function seed(anyFactory: any) {
  await AuthorFactory.with('books', 2, (books) =>
    books
      .tap((row) => row.related('chapterz')) // expect LL201
      .factory.after('create', async (_, row) => {
        await row.load('chapterz') // expect LL201
        await row.load('chapters')
      }),
  ).create()
  const author = await AuthorFactory.merge({ penName: 'y' }).create()
  await author.load('bookz') // expect LL201
  const authors = await AuthorFactory.createMany(2)
  await authors[0]!.load('bookz') // expect LL201
  anyFactory.after('create', async (_: unknown, row: any) => row.load('bookz'))
  await AuthorFactory.with('books', 1, (books) => books.tap((_row, _ctx, builder) => builder.load('x')))
}
`

test('factories: hook rows, with() builders, tap() rows and created rows name relations of their model', () =>
  assertAppMatchesMarkers(
    {
      ...models,
      'database/factories/library.ts': FACTORIES,
      'database/seeders/library.ts': SEEDER,
    },
    5,
  ))
