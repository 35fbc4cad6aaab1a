// What one migration's `up()` does to the schema, as plain operations in source order. Reading
// (syntax -> operations) and applying (operations -> schema, in migration order) are separate, so
// each file is read once per version and the schema is rebuilt cheaply when any file changes.
import type { ColumnType } from '../../../../engine/src/schema'

export interface ColumnDef {
  name: string
  type: ColumnType
  rawType: string
  /** Undefined when neither `.nullable()` nor `.notNullable()` was called: the builder's default. */
  nullable?: boolean
  primary: boolean
  increments: boolean
}

export type ColumnOp =
  | { kind: 'addColumn'; column: ColumnDef }
  /** `table.string('email', 500).alter()`: redefines an existing column. */
  | { kind: 'alterColumn'; column: ColumnDef }
  | { kind: 'addIndex'; columns: string[]; unique: boolean; primary: boolean; name?: string }
  | { kind: 'addForeign'; columns: string[]; table?: string; references?: string[] }
  | { kind: 'renameColumn'; from: string; to: string }
  | { kind: 'dropColumns'; names: string[] }
  | {
      kind: 'dropIndex'
      type: 'index' | 'unique' | 'primary' | 'foreign'
      columns?: string[]
      name?: string
    }
  | { kind: 'setNullable'; column: string; nullable: boolean }

export interface TableBody {
  ops: ColumnOp[]
  /** False when the callback did something we cannot read (a loop, a helper taking `table`...). */
  complete: boolean
}

export type SchemaOp =
  | { kind: 'createTable'; table: string; body: TableBody; ifNotExists: boolean }
  | { kind: 'alterTable'; table: string; body: TableBody }
  | { kind: 'dropTable'; table: string }
  | { kind: 'renameTable'; from: string; to: string }
  /** Raw SQL created or changed this table in ways we do not model. */
  | { kind: 'opaqueTable'; table: string; created: boolean }
  /** Something that may change any table (unreadable raw SQL, a helper method, an unknown call). */
  | { kind: 'unknown'; reason: string }

export interface MigrationFile {
  fileName: string
  /** The path relative to the migrations folder, as Lucid sorts and names migrations. */
  name: string
  /** False when the file has no class extending Lucid's BaseSchema: it may do anything. */
  recognized: boolean
  ops: SchemaOp[]
}
