// What one class declares, read from syntax alone: columns, plain properties, relations, statics.
import type * as TS from 'typescript'
import type { RelationKind } from '../../../engine/src/model-graph'
import {
  decoratorArgs,
  decoratorName,
  decoratorNameNode,
  hasModifier,
  memberName,
  objectProperties,
  returnedExpression,
  skipOuter,
  stringValue,
  type TsModule,
} from './syntax'

export interface PropertyFact {
  name: string
  nameNode: TS.Node
  /** The declared type without `null`/`undefined` (`number`, `DateTime`), when written. */
  baseType?: string
  typeText?: string
}

export interface ColumnFact extends PropertyFact {
  decorator: 'column' | 'date' | 'dateTime'
  columnName?: string
  /**
   * Options built by code (`jsonColumn({...})`, `{ ...options }`): the column name cannot be read
   * from syntax alone; `codeOptions` is the expression to follow (column-options.ts).
   */
  columnNameUnknown?: true
  codeOptions?: TS.Expression
  isPrimary: boolean
  /** Absent when not given; `null` means never serialized. */
  serializeAs?: string | null
  /** `@column.dateTime({ autoCreate: true, autoUpdate: true })`: Lucid sets only literal `true`. */
  autoCreate?: true
  autoUpdate?: true
}

export interface KeyOption {
  /** The literal value, or undefined when the option is not a string literal. */
  value?: string
  node: TS.Expression
}

export interface RelationFact {
  name: string
  nameNode: TS.Node
  kind: RelationKind
  decorator: TS.Decorator
  decoratorNameNode: TS.Node
  /** What the model callback returns (`Post` in `() => Post`), if it is a single expression. */
  relatedExpr?: TS.Expression
  /** The first decorator argument itself, for ranges when it is not a simple callback. */
  relatedArg?: TS.Expression
  foreignKey?: KeyOption
  localKey?: KeyOption
  serializeAs?: string | null
  onQuery?: TS.Expression
  /** manyToMany's options, as written (read by relation-keys.ts). */
  manyToMany?: ManyToManyOptions
  /** hasManyThrough's through model callback and its two through keys, as written. */
  hasManyThrough?: ThroughOptions
  /** `Post` in `HasMany<typeof Post>`. */
  typeModel?: TS.EntityName
}

export interface ManyToManyOptions {
  relatedKey?: KeyOption
  pivotTable?: KeyOption
  pivotForeignKey?: KeyOption
  pivotRelatedForeignKey?: KeyOption
  pivotColumns?: TS.Expression
  pivotTimestamps?: TS.Expression
}

export interface ThroughOptions {
  /** What the through model callback returns (`Post` in `[() => Comment, () => Post]`). */
  throughExpr?: TS.Expression
  throughLocalKey?: KeyOption
  throughForeignKey?: KeyOption
}

export interface ClassFacts {
  node: TS.ClassLikeDeclaration
  name: string
  heritage?: TS.Expression
  isAbstract: boolean
  columns: ColumnFact[]
  /** Instance properties without a column decorator. */
  plainProperties: Map<string, PropertyFact>
  relations: RelationFact[]
  table?: string
  primaryKey?: string
  /** `static table` / `static primaryKey` when not a literal: read with the checker when linked. */
  tableExpr?: TS.Expression
  primaryKeyExpr?: TS.Expression
  /** The value of `static namingStrategy`, read with the checker when the model is linked. */
  namingStrategyExpr?: TS.Expression
}

const RELATION_DECORATORS: Record<string, RelationKind> = {
  hasMany: 'hasMany',
  hasOne: 'hasOne',
  belongsTo: 'belongsTo',
  manyToMany: 'manyToMany',
  hasManyThrough: 'hasManyThrough',
}
const COLUMN_DECORATORS: Record<string, ColumnFact['decorator']> = {
  column: 'column',
  'column.date': 'date',
  'column.dateTime': 'dateTime',
}

export function readClass(ts: TsModule, node: TS.ClassLikeDeclaration): ClassFacts {
  const extendsClause = node.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)
  const facts: ClassFacts = {
    node,
    name: node.name?.text ?? 'default',
    heritage: extendsClause?.types[0]?.expression,
    isAbstract: hasModifier(ts, node, ts.SyntaxKind.AbstractKeyword),
    columns: [],
    plainProperties: new Map(),
    relations: [],
  }
  // Handed down so that reading type texts does not walk up to the file once per member.
  const file = node.getSourceFile()
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member) && !ts.isGetAccessorDeclaration(member)) continue
    const name = memberName(ts, member.name)
    if (name === undefined) continue
    if (hasModifier(ts, member, ts.SyntaxKind.StaticKeyword)) {
      if (ts.isPropertyDeclaration(member)) readStatic(ts, facts, name, member.initializer)
      continue
    }
    readMember(ts, file, facts, member, name)
  }
  return facts
}

function readMember(
  ts: TsModule,
  file: TS.SourceFile,
  facts: ClassFacts,
  member: TS.ClassElement,
  name: string,
): void {
  const property = propertyFact(ts, file, member, name)
  // Decorators are read off `modifiers` as written (ts.getDecorators first computes every modifier flag).
  const modifiers = ts.canHaveModifiers(member) ? (member.modifiers ?? []) : []
  for (const decorator of modifiers) {
    if (!ts.isDecorator(decorator)) continue
    const decoName = decoratorName(ts, decorator)
    if (decoName === undefined) continue
    const columnKind = COLUMN_DECORATORS[decoName]
    if (columnKind) {
      facts.columns.push(readColumn(ts, property, columnKind, decoratorArgs(ts, decorator)[0]))
      return
    }
    const relationKind = RELATION_DECORATORS[decoName]
    if (relationKind) {
      facts.relations.push(readRelation(ts, property, relationKind, decorator, member))
      return
    }
  }
  facts.plainProperties.set(name, property)
}

function propertyFact(
  ts: TsModule,
  file: TS.SourceFile,
  member: TS.ClassElement,
  name: string,
): PropertyFact {
  const typeNode =
    ts.isPropertyDeclaration(member) || ts.isGetAccessorDeclaration(member) ? member.type : undefined
  return {
    name,
    nameNode: member.name ?? member,
    typeText: typeNode?.getText(file),
    baseType: typeNode ? baseTypeText(ts, file, typeNode) : undefined,
  }
}

/** `number | null` -> `number`; unions of several real types give undefined. */
function baseTypeText(ts: TsModule, file: TS.SourceFile, type: TS.TypeNode): string | undefined {
  const parts = ts.isUnionTypeNode(type) ? type.types : [type]
  const real = parts.filter(
    (t) =>
      t.kind !== ts.SyntaxKind.UndefinedKeyword &&
      !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword),
  )
  return real.length === 1 ? real[0]?.getText(file) : undefined
}

function readColumn(
  ts: TsModule,
  property: PropertyFact,
  decorator: ColumnFact['decorator'],
  optionsNode: TS.Expression | undefined,
): ColumnFact {
  const options = objectProperties(ts, optionsNode)
  const serialize = options.get('serializeAs')
  // Copied field by field (a spread here was a third of reading the classes of a large app): a field
  // added to PropertyFact must be added here too.
  const column: ColumnFact = {
    name: property.name,
    nameNode: property.nameNode,
    typeText: property.typeText,
    baseType: property.baseType,
    decorator,
    columnName: stringValue(ts, options.get('columnName')),
    isPrimary: options.get('isPrimary')?.kind === ts.SyntaxKind.TrueKeyword,
  }
  if (serialize)
    column.serializeAs = serialize.kind === ts.SyntaxKind.NullKeyword ? null : stringValue(ts, serialize)
  if (optionsNode && !columnNameIsReadable(ts, optionsNode)) {
    column.columnNameUnknown = true
    column.codeOptions = optionsNode
  }
  // Only date columns act on the flags (Lucid's initiateAutoCreateColumns checks the column type).
  if (decorator !== 'column') {
    if (options.get('autoCreate')?.kind === ts.SyntaxKind.TrueKeyword) column.autoCreate = true
    if (options.get('autoUpdate')?.kind === ts.SyntaxKind.TrueKeyword) column.autoUpdate = true
  }
  return column
}

/**
 * Whether the options leave the column name readable: an object literal whose last word on
 * `columnName` is a string literal or absent (the default). A call, a variable, a spread after the
 * last `columnName` or a computed key may set any name.
 */
function columnNameIsReadable(ts: TsModule, optionsNode: TS.Expression): boolean {
  const options = skipOuter(ts, optionsNode)
  if (!ts.isObjectLiteralExpression(options)) return false
  let readable = true
  for (const prop of options.properties) {
    const name = prop.name && memberName(ts, prop.name)
    if (ts.isSpreadAssignment(prop) || (prop.name && name === undefined)) readable = false
    else if (name === 'columnName')
      readable = ts.isPropertyAssignment(prop) && stringValue(ts, prop.initializer) !== undefined
  }
  return readable
}

function readRelation(
  ts: TsModule,
  property: PropertyFact,
  kind: RelationKind,
  decorator: TS.Decorator,
  member: TS.ClassElement,
): RelationFact {
  const [modelArg, optionsArg] = decoratorArgs(ts, decorator)
  // hasManyThrough takes [() => Related, () => Through]; the first one is the related model.
  const pair = modelArg && ts.isArrayLiteralExpression(modelArg) ? modelArg.elements : undefined
  const factory = pair ? pair[0] : modelArg
  const returned = factory ? returnedExpression(ts, factory) : undefined
  const options = objectProperties(ts, optionsArg)
  const relation: RelationFact = {
    name: property.name,
    nameNode: property.nameNode,
    kind,
    decorator,
    decoratorNameNode: decoratorNameNode(ts, decorator),
    relatedExpr: returned ? skipOuter(ts, returned) : undefined,
    relatedArg: factory,
    foreignKey: keyOption(ts, options.get('foreignKey')),
    localKey: keyOption(ts, options.get('localKey')),
    onQuery: options.get('onQuery'),
    typeModel: relationTypeModel(ts, member),
  }
  if (kind === 'manyToMany') {
    relation.manyToMany = {
      relatedKey: keyOption(ts, options.get('relatedKey')),
      pivotTable: keyOption(ts, options.get('pivotTable')),
      pivotForeignKey: keyOption(ts, options.get('pivotForeignKey')),
      pivotRelatedForeignKey: keyOption(ts, options.get('pivotRelatedForeignKey')),
      pivotColumns: options.get('pivotColumns'),
      pivotTimestamps: options.get('pivotTimestamps'),
    }
  }
  if (kind === 'hasManyThrough') {
    const through = pair?.[1] && returnedExpression(ts, pair[1])
    relation.hasManyThrough = {
      throughExpr: through ? skipOuter(ts, through) : undefined,
      throughLocalKey: keyOption(ts, options.get('throughLocalKey')),
      throughForeignKey: keyOption(ts, options.get('throughForeignKey')),
    }
  }
  const serialize = options.get('serializeAs')
  if (serialize)
    relation.serializeAs = serialize.kind === ts.SyntaxKind.NullKeyword ? null : stringValue(ts, serialize)
  return relation
}

function keyOption(ts: TsModule, node: TS.Expression | undefined): KeyOption | undefined {
  return node ? { value: stringValue(ts, node), node } : undefined
}

/** `Post` in `declare posts: HasMany<typeof Post>`. */
function relationTypeModel(ts: TsModule, member: TS.ClassElement): TS.EntityName | undefined {
  const type = ts.isPropertyDeclaration(member) ? member.type : undefined
  if (!type || !ts.isTypeReferenceNode(type)) return undefined
  const arg = type.typeArguments?.[0]
  return arg && ts.isTypeQueryNode(arg) ? arg.exprName : undefined
}

function readStatic(ts: TsModule, facts: ClassFacts, name: string, init: TS.Expression | undefined): void {
  if (!init) return
  if (name === 'table') {
    facts.table = stringValue(ts, init)
    if (facts.table === undefined) facts.tableExpr = init
  } else if (name === 'primaryKey') {
    facts.primaryKey = stringValue(ts, init)
    if (facts.primaryKey === undefined) facts.primaryKeyExpr = init
  } else if (name === 'namingStrategy') {
    facts.namingStrategyExpr = init
  }
}
