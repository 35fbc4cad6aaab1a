// Writes a synthetic, CORRECT AdonisJS v6 app (no node_modules) so the benchmark measures the normal
// case: every relation key exists, every relation name used by a controller is defined.
import * as fs from 'node:fs'
import * as path from 'node:path'
import {
  belongsToRoot,
  childrenOf,
  controllerCount,
  controllerModel,
  foreignKeyOf,
  modelName,
  parentsOf,
  relationName,
  type ChildRelation,
} from './app-shape'

/** Bump when the generated text changes, so stale apps in bench/.generated are rewritten. */
const SHAPE_VERSION = 4
const STAMP = '.bench-shape'

/** Generates the app unless `dir` already holds one of the same size and shape; returns true if written. */
export function generateApp(dir: string, models: number): boolean {
  const stamp = `${SHAPE_VERSION}:${models}`
  if (readIfExists(path.join(dir, STAMP)) === stamp) return false
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(path.join(dir, 'app', 'models'), { recursive: true })
  fs.mkdirSync(path.join(dir, 'app', 'controllers'), { recursive: true })
  writeJson(path.join(dir, 'package.json'), packageJson(models))
  writeJson(path.join(dir, 'tsconfig.json'), TSCONFIG)
  for (let i = 0; i < models; i++) {
    fs.writeFileSync(path.join(dir, 'app', 'models', `model_${i}.ts`), modelSource(i, models))
  }
  for (let k = 0; k < controllerCount(models); k++) {
    fs.writeFileSync(path.join(dir, 'app', 'controllers', `controller_${k}.ts`), controllerSource(k, models))
  }
  fs.writeFileSync(path.join(dir, STAMP), stamp)
  return true
}

export function modelFile(dir: string, i: number): string {
  return path.join(dir, 'app', 'models', `model_${i}.ts`)
}

export function controllerFile(dir: string, k: number): string {
  return path.join(dir, 'app', 'controllers', `controller_${k}.ts`)
}

function packageJson(models: number): unknown {
  return {
    name: `bench-app-${models}`,
    version: '0.0.0',
    private: true,
    type: 'module',
    imports: { '#controllers/*': './app/controllers/*.js', '#models/*': './app/models/*.js' },
    dependencies: { '@adonisjs/core': '^6.12.0', '@adonisjs/lucid': '^21.1.0', luxon: '^3.4.4' },
    devDependencies: { '@types/node': '^20.14.9', typescript: '~5.4' },
  }
}

// What @adonisjs/tsconfig sets for apps, written out because the package is not installed. No
// `types`: a missing @types/node would be a global error that makes tsc skip type checking.
const TSCONFIG = {
  compilerOptions: {
    target: 'ESNext',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ESNext'],
    strict: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    esModuleInterop: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    rootDir: './',
    outDir: './build',
  },
  include: ['app/**/*'],
}

function modelSource(i: number, n: number): string {
  const children = childrenOf(i, n)
  const parents = parentsOf(i, n)
  const owner = parents.find((p) => p.keys === 'default')
  const owners = [...(owner ? [owner.parent] : []), ...(belongsToRoot(i) ? [0] : [])]
  const imported = new Set([...children.map((c) => c.child), ...owners])
  const lines = [
    `import { DateTime } from 'luxon'`,
    `import { BaseModel, column, hasMany, belongsTo } from '@adonisjs/lucid/orm'`,
    `import type { HasMany, BelongsTo } from '@adonisjs/lucid/types/relations'`,
    ...[...imported].map((j) => `import ${modelName(j)} from '#models/model_${j}'`),
    '',
    `export default class ${modelName(i)} extends BaseModel {`,
    column('{ isPrimary: true }', 'id', 'number'),
    column('', 'uuid', 'string'),
    column('', 'name', 'string'),
    column('', 'slug', 'string'),
    column(`{ columnName: 'sort_order' }`, 'position', 'number'),
    column('', 'isActive', 'boolean'),
    ...parents.map((p) =>
      column('', foreignKeyOf(p.parent, p.keys), p.keys === 'uuid' ? 'string' : 'number'),
    ),
    ...(belongsToRoot(i) ? [column('', foreignKeyOf(0, 'default'), 'number')] : []),
    `  @column.dateTime({ autoCreate: true })\n  declare createdAt: DateTime\n`,
    `  @column.dateTime({ autoCreate: true, autoUpdate: true })\n  declare updatedAt: DateTime | null\n`,
    ...owners.map(
      (p) => `  @belongsTo(() => ${modelName(p)})\n  declare model${p}: BelongsTo<typeof ${modelName(p)}>\n`,
    ),
    ...children.map((c) => hasManySource(i, c)),
    `  get label() {\n    return \`\${this.name} (\${this.slug})\`\n  }`,
    '}',
    '',
  ]
  return lines.join('\n')
}

function column(options: string, name: string, type: string): string {
  return `  @column(${options})\n  declare ${name}: ${type}\n`
}

function hasManySource(parent: number, relation: ChildRelation): string {
  const child = modelName(relation.child)
  const fk = foreignKeyOf(parent, relation.keys)
  const options =
    relation.keys === 'foreignKey'
      ? `, { foreignKey: '${fk}' }`
      : relation.keys === 'uuid'
        ? `, { localKey: 'uuid', foreignKey: '${fk}' }`
        : ''
  return `  @hasMany(() => ${child}${options})\n  declare ${relationName(relation.child)}: HasMany<typeof ${child}>\n`
}

function controllerSource(k: number, n: number): string {
  const i = controllerModel(k, n)
  const [first, second, third] = childrenOf(i, n)
  const c1 = first?.child ?? i
  const c2 = second?.child ?? c1
  const c3 = third?.child ?? c1
  const grandchild = childrenOf(c1, n)[0]?.child ?? c1
  const other = controllerModel(k + 1, n)
  const otherChild = childrenOf(other, n)[0]?.child ?? other
  const imports = new Set([i, other])
  return [
    `import type { HttpContext } from '@adonisjs/core/http'`,
    ...[...imports].map((j) => `import ${modelName(j)} from '#models/model_${j}'`),
    '',
    `export default class Controller${k} {`,
    `  async index({ request }: HttpContext) {`,
    `    const page = request.input('page', 1)`,
    `    return ${modelName(i)}.query()`,
    `      .preload('${relationName(c1)}', (q) => q.preload('${relationName(grandchild)}').orderBy('sort_order', 'asc'))`,
    `      .withCount('${relationName(c2)}')`,
    `      .whereHas('${relationName(c3)}', (q) => q.where('is_active', true))`,
    `      .paginate(page, 20)`,
    `  }`,
    '',
    `  async show({ params }: HttpContext) {`,
    `    const record = await ${modelName(i)}.findOrFail(params.id)`,
    `    const children = await record.related('${relationName(c1)}').query().where('is_active', true)`,
    `    await record.load('${relationName(c2)}')`,
    `    return { record, children }`,
    `  }`,
    '',
    `  async store({ request }: HttpContext) {`,
    `    const parent = await ${modelName(other)}.findByOrFail('slug', request.input('slug'))`,
    `    return parent.related('${relationName(otherChild)}').create({ name: request.input('name') })`,
    `  }`,
    '}',
    '',
  ].join('\n')
}

function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n')
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}
