import { test } from 'node:test'
import assert from 'node:assert/strict'
import { camelCase as changeCaseCamel, snakeCase as changeCaseSnake } from 'change-case'
import { plural as plainPlural } from 'pluralize'
import type { LucidGeneration } from '../../engine/src/model-graph'
import { camelCase, defaultStrategyKind, namingStrategy, pluralize, snakeCase } from '../../engine/src/naming'

const GENERATIONS: LucidGeneration[] = ['v5', 'v6', 'v7']

// [class name, v6/v7 table, v5 table, hasMany foreign key] from lucid-hasmany.md section 1.
const CLASS_ROWS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['User', 'users', 'users', 'userId'],
  ['HTTPRequest', 'http_requests', 'http_requests', 'httpRequestId'],
  ['Person', 'people', 'people', 'personId'],
  ['SalesPerson', 'sales_people', 'sales_people', 'salesPersonId'],
  ['OAuthToken', 'o_auth_tokens', 'o_auth_tokens', 'oAuthTokenId'],
  ['URL', 'urls', 'urls', 'urlId'],
  ['APIKey', 'api_keys', 'api_keys', 'apiKeyId'],
  ['User2FA', 'user_2_fas', 'user2_fas', 'user2FaId'],
  ['S3File', 's_3_files', 's3_files', 's3FileId'],
  ['Category', 'categories', 'categories', 'categoryId'],
  ['Status', 'statuses', 'statuses', 'statusId'],
  ['Address', 'addresses', 'addresses', 'addressId'],
  ['Child', 'children', 'children', 'childId'],
  ...['News', 'Data', 'Sheep', 'Series', 'Staff', 'Media', 'Equipment'].map(
    (name) => [name, name.toLowerCase(), name.toLowerCase(), `${name.toLowerCase()}Id`] as const,
  ),
  ['PostMedia', 'post_medias', 'post_medias', 'postMediaId'],
  ['UserEquipment', 'user_equipments', 'user_equipments', 'userEquipmentId'],
  ['Virus', 'viri', 'viri', 'virusId'],
  ['Octopus', 'octopuses', 'octopuses', 'octopusId'],
  ['Criterion', 'criteria', 'criteria', 'criterionId'],
  ['Cactus', 'cacti', 'cacti', 'cactusId'],
  ['Lens', 'lenses', 'lens', 'lensId'],
  ['ContactLens', 'contact_lenses', 'contact_lens', 'contactLensId'],
]

// [attribute, v6/v7 snakeCase, v5 snakeCase]
const ATTRIBUTE_ROWS: ReadonlyArray<readonly [string, string, string]> = [
  ['userId', 'user_id', 'user_id'],
  ['HTTPStatus', 'http_status', 'http_status'],
  ['isURLValid', 'is_url_valid', 'is_url_valid'],
  ['userID', 'user_id', 'user_id'],
  ['_private', 'private', 'private'],
  ['address1', 'address_1', 'address1'],
  ['a1B2', 'a_1_b_2', 'a1_b2'],
  ['user2faSecret', 'user_2_fa_secret', 'user2fa_secret'],
  ['HTTPRequest', 'http_request', 'http_request'],
  ['OAuthToken', 'o_auth_token', 'o_auth_token'],
  ['User2FA', 'user_2_fa', 'user2_fa'],
  ['S3File', 's_3_file', 's3_file'],
]

for (const generation of GENERATIONS) {
  const v5 = generation === 'v5'
  const strategy = namingStrategy(defaultStrategyKind(generation), generation)

  test(`${generation}: table names and hasMany foreign keys of the reference sheet`, () => {
    for (const [name, table, v5Table, foreignKey] of CLASS_ROWS) {
      assert.equal(strategy.tableName(name), v5 ? v5Table : table, `table of ${name}`)
      const parent = { name, primaryKey: 'id' }
      assert.equal(
        strategy.relationForeignKey('hasMany', parent, { name: 'Post', primaryKey: 'id' }),
        foreignKey,
      )
    }
    const post = { name: 'Post', primaryKey: 'id' }
    assert.equal(
      strategy.relationForeignKey('hasMany', { name: 'AppUser', primaryKey: 'uuid' }, post),
      'appUserUuid',
    )
    assert.equal(
      strategy.relationForeignKey('hasOne', { name: 'User', primaryKey: 'uuid' }, post),
      'userUuid',
    )
  })

  test(`${generation}: column names and camelCase of the reference sheet`, () => {
    for (const [attribute, column, v5Column] of ATTRIBUTE_ROWS) {
      assert.equal(strategy.columnName(attribute), v5 ? v5Column : column, `column of ${attribute}`)
    }
    assert.equal(camelCase('post_id', generation), 'postId')
    assert.equal(camelCase('Blog_Post_id', generation), 'blogPostId')
  })

  test(`${generation}: @poppinss/string plural rules apply from v6 on only`, () => {
    const expected = v5
      ? { lens: 'lens', canvas: 'canvas', bias: 'bias', veto: 'vetos' }
      : { lens: 'lenses', canvas: 'canvases', bias: 'biases', veto: 'vetoes', cache: 'caches', fez: 'fezzes' }
    for (const [word, plural] of Object.entries(expected))
      assert.equal(pluralize(word, generation), plural, word)
    if (!v5) {
      assert.equal(pluralize('ContactLens', generation), 'ContactLenses')
      assert.equal(pluralize('LENS', generation), 'LENSES')
      assert.equal(pluralize('lEns', generation), 'lenses')
    }
  })

  test(`${generation}: strategy methods`, () => {
    assert.equal(defaultStrategyKind(generation), v5 ? 'snake' : 'camel')
    const user = { name: 'User', primaryKey: 'id' }
    const skill = { name: 'Skill', primaryKey: 'uuid' }
    for (const kind of ['snake', 'camel'] as const) {
      const s = namingStrategy(kind, generation)
      assert.equal(s.kind, kind)
      assert.equal(s.generation, generation)
      assert.equal(s.tableName('SalesPerson'), 'sales_people')
      assert.equal(s.columnName('createdAt'), 'created_at')
      assert.equal(s.serializedName('created_at'), kind === 'snake' ? 'created_at' : 'createdAt')
      assert.equal(s.relationLocalKey('hasMany', user, skill), 'id')
      assert.equal(s.relationLocalKey('belongsTo', user, skill), 'uuid')
      assert.equal(s.relationForeignKey('belongsTo', user, skill), 'skillUuid')
      assert.equal(s.relationForeignKey('manyToMany', user, skill), 'userId')
      assert.equal(s.relationPivotTable('manyToMany', user, skill), 'skill_user')
      assert.equal(s.relationPivotTable('manyToMany', skill, user), 'skill_user')
      // Default sort compares UTF-16 code units, so upper case sorts before lower case.
      assert.equal(
        s.relationPivotTable('manyToMany', { name: 'apple', primaryKey: 'id' }, user),
        'user_apple',
      )
      assert.equal(s.relationPivotForeignKey(skill), 'skill_uuid')
      assert.equal(
        s.relationPivotForeignKey({ name: 'User2FA', primaryKey: 'id' }),
        v5 ? 'user2_fa_id' : 'user_2_fa_id',
      )
    }
  })
}

// ---------------------------------------------------------------------------------------------------------
// Differential tests against the real libraries Lucid uses.

interface CaseModule {
  snakeCase(input: string): string
  camelCase(input: string): string
}
interface PoppinssString extends CaseModule {
  plural(word: string): string
}

// Compiled to CommonJS, `import()` would become `require()`, which cannot load these ESM-only packages.
const dynamicImport = new Function('s', 'return import(s)') as (specifier: string) => Promise<unknown>

type References = { caseAnything: CaseModule; poppinss: PoppinssString }
let references: Promise<References> | undefined
function loadReferences(): Promise<References> {
  if (references) return references
  // @poppinss/string adds its rules to whatever pluralize instance it gets. Evicting the cached one first
  // gives it a fresh instance and keeps the plain one (ours and the v5 reference) free of its rules.
  delete require.cache[require.resolve('pluralize')]
  references = Promise.all([dynamicImport('case-anything'), dynamicImport('@poppinss/string')]).then(
    ([caseAnything, poppinss]) => ({
      caseAnything: caseAnything as CaseModule,
      poppinss: (poppinss as { default: PoppinssString }).default,
    }),
  )
  return references
}

function mulberry32(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FRAGMENTS = [
  ...['user', 'User', 'USER', 'post', 'Post', 'HTTP', 'Http', 'API', 'Api', 'OAuth', 'Id', 'ID', 'id', 'url'],
  ...[
    'URL',
    '2FA',
    '2fa',
    'S3',
    's3',
    'v2',
    'V2',
    '1',
    '42',
    '007',
    'x',
    'X',
    'a',
    'A',
    'Ünïcode',
    'ünïcode',
  ],
  ...['Straße', 'ÆON', 'Ñandú', 'Øre', 'øre', 'ÿ', 'Привет', 'мир', 'Ёж', 'ß', 'İ', 'ǅ', 'Ω', '日本', 'é'],
  ...['lens', 'Lens', 'LENS', 'canvas', 'Canvas', 'cache', 'veto', 'Veto', 'bias', 'fez', 'quiche', 'niche'],
  ...['cliche', 'person', 'Person', 'media', 'Media', 'news', 'data', 'staff', 'sheep', 'series', 'status'],
  ...['equipment', 'child', 'category', 'address', 'octopus', 'virus', 'criterion', 'cactus', 'box', 'quiz'],
  ...['ox', 'mouse', 'Index', 'matrix', 'analysis', 'hero', 'photo', 'day', 'key', 'life', 'wolf', 'crisis'],
]
const SEPARATORS = ['', '', '', '', '_', '__', '-', ' ', '.', '$', '/', '  ', '\t']
const EDGE_CASES = ['', ' ', '_', '-', '__', 'a', 'A', '1', '_private', 'private_', '__proto__', 'ABC', 'aBC']

function buildCorpus(size: number): string[] {
  const random = mulberry32(0x11c1d)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const corpus = new Set(EDGE_CASES)
  while (corpus.size < size) {
    let input = random() < 0.2 ? pick(SEPARATORS) : ''
    const count = 1 + Math.floor(random() * 4)
    for (let i = 0; i < count; i++) input += (i > 0 ? pick(SEPARATORS) : '') + pick(FRAGMENTS)
    corpus.add(random() < 0.2 ? input + pick(SEPARATORS) : input)
  }
  return [...corpus]
}

const CORPUS = buildCorpus(5000)

/** Every input on which `ours` and `theirs` disagree, with both outputs, so a failure names the input. */
function mismatches(inputs: Iterable<string>, ours: (s: string) => string, theirs: (s: string) => string) {
  const found: string[] = []
  for (const input of inputs) {
    const [actual, expected] = [ours(input), theirs(input)]
    if (actual !== expected) found.push(`${JSON.stringify(input)}: ours ${actual}, library ${expected}`)
  }
  return found
}

test('the generated corpus is large and covers unicode, digits and separators', () => {
  assert.ok(CORPUS.length >= 5000)
  for (const sample of ['Ünïcode', 'Привет', '2FA', '_', '-', ' '])
    assert.ok(CORPUS.some((s) => s.includes(sample)))
})

test('v5 snakeCase and camelCase match change-case v4', () => {
  assert.deepEqual(
    mismatches(CORPUS, (s) => snakeCase(s, 'v5'), changeCaseSnake),
    [],
  )
  assert.deepEqual(
    mismatches(CORPUS, (s) => camelCase(s, 'v5'), changeCaseCamel),
    [],
  )
})

test('v6 and v7 snakeCase and camelCase match case-anything v3 and @poppinss/string', async () => {
  const { caseAnything, poppinss } = await loadReferences()
  for (const generation of ['v6', 'v7'] as const) {
    for (const library of [caseAnything, poppinss]) {
      assert.deepEqual(
        mismatches(CORPUS, (s) => snakeCase(s, generation), library.snakeCase),
        [],
      )
      assert.deepEqual(
        mismatches(CORPUS, (s) => camelCase(s, generation), library.camelCase),
        [],
      )
    }
  }
})

test('v5 pluralize and table names match plain pluralize@8 over change-case', async () => {
  await loadReferences()
  const words = [...CORPUS, ...CORPUS.map((s) => changeCaseSnake(s))]
  assert.deepEqual(
    mismatches(words, (s) => pluralize(s, 'v5'), plainPlural),
    [],
  )
  const strategy = namingStrategy('snake', 'v5')
  assert.deepEqual(
    mismatches(
      CORPUS,
      (s) => strategy.tableName(s),
      (s) => plainPlural(changeCaseSnake(s)),
    ),
    [],
  )
  // The reference must really be the plain instance, or this test would prove nothing.
  assert.equal(plainPlural('lens'), 'lens')
})

test('v6 and v7 pluralize and table names match @poppinss/string', async () => {
  const { poppinss } = await loadReferences()
  assert.equal(poppinss.plural('lens'), 'lenses')
  const words = [...CORPUS, ...CORPUS.map((s) => poppinss.snakeCase(s))]
  for (const generation of ['v6', 'v7'] as const) {
    assert.deepEqual(
      mismatches(words, (s) => pluralize(s, generation), poppinss.plural),
      [],
    )
    const strategy = namingStrategy('camel', generation)
    const table = (s: string) => poppinss.plural(poppinss.snakeCase(s))
    assert.deepEqual(
      mismatches(CORPUS, (s) => strategy.tableName(s), table),
      [],
    )
  }
})

test('v6 pluralize calls do not change v5 results', () => {
  for (const word of ['lens', 'contact_lens', 'canvas', 'bias', 'veto']) {
    const before = pluralize(word, 'v5')
    pluralize(word, 'v6')
    assert.equal(pluralize(word, 'v5'), before, word)
    assert.equal(pluralize(word, 'v5'), plainPlural(word), word)
  }
})
