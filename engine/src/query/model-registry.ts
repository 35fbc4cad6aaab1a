// The engine's view of the ModelGraph: Lucid's `$keys` maps per model and relations booted the way
// `HasMany.boot()` does it (keys must be columns: localKey on the parent first, then foreignKey on
// the related model), so errors surface on first use exactly like Lucid's.
import {
  isPreviewKind,
  type ColumnInfo,
  type LucidGeneration,
  type ModelGraph,
  type ModelInfo,
  type PivotKeys,
  type RelationInfo,
} from '../model-graph'
import { missingModelAttribute, PreviewError, runtimeError } from './errors'

export class ModelMeta {
  readonly name: string
  readonly table: string
  readonly primaryKey: string
  private readonly byAttribute = new Map<string, ColumnInfo>()
  private readonly byColumn = new Map<string, ColumnInfo>()
  /** Lucid 22's `columnAliasesToAttributes`: `<table>_<column>` names the column too. */
  private readonly byAlias = new Map<string, ColumnInfo>()
  private readonly relations = new Map<string, RelationInfo>()

  constructor(
    readonly info: ModelInfo,
    generation: LucidGeneration = 'v6',
  ) {
    this.name = info.name
    this.table = info.table
    this.primaryKey = info.primaryKey
    // Later definitions win, like Lucid's `$addColumn` filling its key maps in decoration order.
    for (const column of info.columns) {
      this.byAttribute.set(column.attribute, column)
      this.byColumn.set(column.columnName, column)
      if (generation === 'v7') this.byAlias.set(`${info.table}_${column.columnName}`, column)
    }
    for (const relation of info.relations) this.relations.set(relation.name, relation)
  }

  /** `Model.$keys.attributesToColumns.resolve`: exact attribute lookup, anything else unchanged. */
  resolveKey(key: string): string {
    return this.byAttribute.get(key)?.columnName || key
  }

  column(attribute: string): ColumnInfo | undefined {
    return this.byAttribute.get(attribute)
  }

  columnByName(columnName: string): ColumnInfo | undefined {
    return this.byColumn.get(columnName)
  }

  /**
   * The column a result key hydrates: Lucid 22 looks the key up as an alias first, so a column
   * really named `<table>_<other column>` lands on the other attribute (upstream issue #1191).
   */
  columnForResultKey(key: string): ColumnInfo | undefined {
    return this.byAlias.get(key) ?? this.byColumn.get(key)
  }

  relationInfo(name: string): RelationInfo | undefined {
    return this.relations.get(name)
  }

  hasRelation(name: string): boolean {
    return this.relations.has(name)
  }
}

/**
 * A relation after boot: keys are attribute names, with their columns on either side. As in Lucid,
 * hasMany/hasOne keep `localKey` on the parent and `foreignKey` on the related model; belongsTo
 * keeps `localKey` on the related model and `foreignKey` on the parent. manyToMany keeps `localKey`
 * on the parent and its `relatedKey` as `foreignKey` on the related model, plus the pivot table.
 */
export interface BootedRelation {
  name: string
  kind: 'hasMany' | 'hasOne' | 'belongsTo' | 'manyToMany'
  parent: ModelMeta
  related: ModelMeta
  localKey: string
  localKeyColumn: string
  foreignKey: string
  foreignKeyColumn: string
  serializeAs: string | null
  /** manyToMany only. */
  pivot?: PivotKeys
}

export class ModelRegistry {
  readonly generation: LucidGeneration
  private readonly models = new Map<string, ModelMeta>()
  private readonly booted = new Map<string, BootedRelation>()

  constructor(graph: ModelGraph) {
    this.generation = graph.generation
    for (const info of graph.models) this.models.set(info.name, new ModelMeta(info, graph.generation))
  }

  model(name: string): ModelMeta {
    const model = this.models.get(name)
    if (!model) throw new PreviewError(`Unknown model "${name}"`, 'E_UNKNOWN_MODEL')
    return model
  }

  /** Boots `parent.name` (the caller has checked that it exists) once, like `relation.boot()`. */
  boot(parent: ModelMeta, name: string): BootedRelation {
    const id = `${parent.name}.${name}`
    const cached = this.booted.get(id)
    if (cached) return cached
    const info = parent.relationInfo(name)
    if (!info) throw runtimeError(`"${name}" is not defined as a relationship on "${parent.name}" model`)
    if (!isPreviewKind(info.kind)) {
      throw new PreviewError(`"${info.kind}" relations are not supported in previews yet`, 'E_UNSUPPORTED')
    }
    if (!info.relatedModel) throw runtimeError(`The related model of "${id}" could not be resolved`)
    if (!info.keys || (info.kind === 'manyToMany' && !info.keys.pivot)) {
      throw runtimeError(`The keys of "${id}" could not be resolved from the source`)
    }
    const related = this.model(info.relatedModel)
    // Lucid's KeysExtractor checks localKey first; belongsTo's local key lives on the related model.
    const [localOwner, foreignOwner] = info.kind === 'belongsTo' ? [related, parent] : [parent, related]
    const local = localOwner.column(info.keys.localKey)
    if (!local) throw missingModelAttribute(this.generation, id, info.keys.localKey, localOwner.name)
    const foreign = foreignOwner.column(info.keys.foreignKey)
    if (!foreign) throw missingModelAttribute(this.generation, id, info.keys.foreignKey, foreignOwner.name)
    const relation: BootedRelation = {
      name,
      kind: info.kind,
      parent,
      related,
      localKey: local.attribute,
      localKeyColumn: local.columnName,
      foreignKey: foreign.attribute,
      foreignKeyColumn: foreign.columnName,
      serializeAs: info.serializeAs,
    }
    if (info.kind === 'manyToMany') relation.pivot = info.keys.pivot
    this.booted.set(id, relation)
    return relation
  }
}
