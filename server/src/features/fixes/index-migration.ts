// LL405: no index starts with the column a preload filters on. The fix is a new migration, as
// `node ace make:migration <table> --alter` (v6, v7) or `--table=<table>` (v5) would start it, whose
// up() indexes the column and down() drops that index; formatted like the folder's last migration.
import * as path from 'node:path'
import type * as TS from 'typescript'
import type { LucidGeneration } from '../../../../engine/src/model-graph'
import { migrationFolder } from '../../analysis/schema/migration-folder'
import { relationAt } from '../relation-site'
import type { Fix, FixInput } from './fix'
import { indentUnit, newlineOf, quoteOf } from './text-style'

export function indexMigrationFixes(input: FixInput, now = Date.now()): Fix[] {
  const { index, rootDir, file, finding } = input
  const target = finding.unindexed
  const owner = relationAt(index, file, finding.start)?.resolved?.lookup?.owner
  if (!target || !owner) return []
  const folder = migrationFolder(index, rootDir, owner)
  if (!folder) return []
  const name = migrationFileName(index.generation, target.table, now)
  if (!folder.runsLast(name)) return []
  const text = indexMigration(index.generation, target.table, target.column, folder.latest)
  return [
    {
      title: `Add a migration indexing ${target.table}.${target.column}`,
      edits: [],
      create: { fileName: path.join(rootDir, folder.folder, name), text },
    },
  ]
}

/** The name make:migration gives an alter migration: a millisecond timestamp, then the table. */
export function migrationFileName(generation: LucidGeneration, table: string, now: number): string {
  const snake = table.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '')
  return generation === 'v5' ? `${now}_${snake}.ts` : `${now}_alter_${snake}_table.ts`
}

/** make:migration's alter stub of the generation with the index added, in the style of `like`. */
export function indexMigration(
  generation: LucidGeneration,
  table: string,
  column: string,
  like: TS.SourceFile,
): string {
  const q = quoteOf(like)
  const str = (s: string): string => q + s.replace(/\\/g, '\\\\').split(q).join(`\\${q}`) + q
  const i = indentUnit(like)
  const semi = /^\s*import\b[^\n]*;[ \t]*\r?$/m.test(like.text) ? ';' : ''
  const v5 = generation === 'v5'
  // v5's stub writes `up ()`; an app formatted otherwise keeps its own spacing.
  const space = v5 && /\basync (up|down) \(/.test(like.text) ? ' ' : ''
  const method = v5 ? `public async` : 'async'
  const alter = (call: string): string[] => [
    `${i}${i}this.schema.alterTable(this.tableName, (table) => {`,
    `${i}${i}${i}table.${call}([${str(column)}])${semi}`,
    `${i}${i}})${semi}`,
  ]
  const lines = [
    v5
      ? `import BaseSchema from ${str('@ioc:Adonis/Lucid/Schema')}${semi}`
      : `import { BaseSchema } from ${str('@adonisjs/lucid/schema')}${semi}`,
    '',
    'export default class extends BaseSchema {',
    `${i}protected tableName = ${str(table)}${semi}`,
    '',
    `${i}${method} up${space}() {`,
    ...alter('index'),
    `${i}}`,
    '',
    `${i}${method} down${space}() {`,
    ...alter('dropIndex'),
    `${i}}`,
    '}',
    '',
  ]
  return lines.join(newlineOf(like))
}
