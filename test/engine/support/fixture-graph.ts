// The models of the differential suite as the analysis would hand them to the engine. Real Lucid
// models are built from this same graph (lucid-twin.ts), so both sides see one definition.
// It covers a custom columnName, a uuid local key, a self relation, renamed and hidden relations
// and columns, a hasOne, date columns, a relation whose foreign key is not a column, relations
// with onQuery hooks (on-query-fixtures.ts), and belongsTo relations (a uuid key, a self relation,
// a foreign key that is not a column), and manyToMany relations (pivot columns, a self relation).
import type {
  ColumnInfo,
  ModelGraph,
  ModelInfo,
  PivotKeys,
  RelationInfo,
} from '../../../engine/src/model-graph'
import { ON_QUERY_RELATIONS } from './on-query-fixtures'

type ColumnOptions = Partial<Pick<ColumnInfo, 'columnName' | 'serializeAs' | 'isPrimary' | 'decorator'>>

function column(
  model: string,
  attribute: string,
  columnName: string,
  options: ColumnOptions = {},
): ColumnInfo {
  return {
    attribute,
    columnName,
    isPrimary: false,
    serializeAs: attribute,
    decorator: 'column',
    declaredBy: model,
    ...options,
  }
}

function hasMany(
  name: string,
  relatedModel: string,
  localKey: string,
  foreignKey: string,
  extra: Partial<RelationInfo> = {},
): RelationInfo {
  return {
    name,
    kind: 'hasMany',
    relatedModel,
    keys: { localKey, localKeyIsDefault: false, foreignKey, foreignKeyIsDefault: false },
    serializeAs: name,
    hasOnQuery: false,
    ...extra,
  }
}

/** Keys named as in Lucid's options: `localKey` on the related model, `foreignKey` on this one. */
function belongsTo(
  name: string,
  relatedModel: string,
  localKey: string,
  foreignKey: string,
  extra: Partial<RelationInfo> = {},
): RelationInfo {
  return { ...hasMany(name, relatedModel, localKey, foreignKey, extra), kind: 'belongsTo' }
}

/** Keys on the `id` of both models; the pivot as Lucid's options name it. */
function manyToMany(
  name: string,
  relatedModel: string,
  pivot: Omit<PivotKeys, 'tableIsDefault' | 'timestamps'>,
): RelationInfo {
  return {
    ...hasMany(name, relatedModel, 'id', 'id'),
    kind: 'manyToMany',
    keys: {
      localKey: 'id',
      localKeyIsDefault: false,
      foreignKey: 'id',
      foreignKeyIsDefault: false,
      pivot: { ...pivot, tableIsDefault: false, timestamps: {} },
    },
  }
}

const SKILL_USER = { table: 'skill_user', columns: ['proficiency'] }

function model(
  name: string,
  table: string,
  columns: ColumnInfo[],
  relations: RelationInfo[] = [],
): ModelInfo {
  return {
    name,
    table,
    tableIsExplicit: false,
    primaryKey: columns.find((c) => c.isPrimary)?.attribute ?? 'id',
    namingStrategy: 'camel',
    columns,
    relations,
    isAbstract: false,
  }
}

const id = (name: string) => column(name, 'id', 'id', { isPrimary: true })

export const FIXTURE_GRAPH: ModelGraph = {
  generation: 'v6',
  models: [
    model(
      'User',
      'users',
      [
        id('User'),
        column('User', 'uuid', 'uuid'),
        column('User', 'fullName', 'full_name'),
        column('User', 'email', 'email_address'),
        column('User', 'createdAt', 'created_at', { decorator: 'dateTime' }),
      ],
      [
        hasMany('posts', 'Post', 'id', 'userId'),
        hasMany('postsByUuid', 'Post', 'uuid', 'authorUuid'),
        hasMany('articles', 'Post', 'id', 'userId', { serializeAs: 'writings' }),
        hasMany('hiddenPosts', 'Post', 'id', 'userId', { serializeAs: null }),
        hasMany('brokenPosts', 'Post', 'id', 'writerId'),
        { ...hasMany('profile', 'Profile', 'id', 'userId'), kind: 'hasOne' },
        ...ON_QUERY_RELATIONS,
        manyToMany('skills', 'Skill', {
          ...SKILL_USER,
          foreignKey: 'user_id',
          relatedForeignKey: 'skill_id',
        }),
        manyToMany('friends', 'User', {
          table: 'friendships',
          foreignKey: 'user_id',
          relatedForeignKey: 'friend_id',
          columns: [],
        }),
      ],
    ),
    model(
      'Post',
      'posts',
      [
        id('Post'),
        column('Post', 'userId', 'user_id'),
        column('Post', 'authorUuid', 'author_uuid'),
        column('Post', 'title', 'title'),
        column('Post', 'isPublished', 'is_published'),
        column('Post', 'views', 'views'),
        column('Post', 'createdAt', 'created_at', { decorator: 'dateTime' }),
      ],
      [
        hasMany('comments', 'Comment', 'id', 'postId'),
        belongsTo('author', 'User', 'id', 'userId'),
        belongsTo('authorByUuid', 'User', 'uuid', 'authorUuid', { serializeAs: 'uuidAuthor' }),
        belongsTo('hiddenAuthor', 'User', 'id', 'userId', { serializeAs: null }),
        belongsTo('brokenAuthor', 'User', 'id', 'writerId'),
      ],
    ),
    model(
      'Comment',
      'comments',
      [
        id('Comment'),
        column('Comment', 'postId', 'post_id'),
        column('Comment', 'body', 'body', { serializeAs: 'text' }),
        column('Comment', 'moderatorNote', 'moderator_note', { serializeAs: null }),
        column('Comment', 'postedOn', 'posted_on', { decorator: 'date' }),
      ],
      [belongsTo('post', 'Post', 'id', 'postId')],
    ),
    model(
      'Category',
      'categories',
      [id('Category'), column('Category', 'parentId', 'parent_id'), column('Category', 'name', 'name')],
      [hasMany('children', 'Category', 'id', 'parentId'), belongsTo('parent', 'Category', 'id', 'parentId')],
    ),
    model(
      'Profile',
      'profiles',
      [id('Profile'), column('Profile', 'userId', 'user_id'), column('Profile', 'bio', 'bio')],
      [belongsTo('user', 'User', 'id', 'userId')],
    ),
    model(
      'Skill',
      'skills',
      [id('Skill'), column('Skill', 'name', 'name')],
      [manyToMany('users', 'User', { ...SKILL_USER, foreignKey: 'skill_id', relatedForeignKey: 'user_id' })],
    ),
  ],
}
