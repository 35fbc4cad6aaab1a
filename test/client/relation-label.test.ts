// How relations read in the pickers: manyToMany by its pivot table, hasManyThrough by its through model.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { relationKeys, relationLabel } from '../../client/src/relation-label'
import type { RelationSummary } from '../../server/src/protocol'

const relation = (
  fields: Partial<RelationSummary> & Pick<RelationSummary, 'name' | 'kind'>,
): RelationSummary => ({
  relatedModel: 'X',
  problems: [],
  previewable: true,
  ...fields,
})

test('each kind reads by the keys a user looks for', () => {
  const tags = relation({
    name: 'tags',
    kind: 'manyToMany',
    localKey: 'id',
    relatedKey: 'id',
    pivot: { table: 'post_tag', foreignKey: 'post_id', relatedForeignKey: 'tag_id' },
  })
  assert.equal(relationLabel(tags), 'tags: via post_tag (post_id → tag_id)')
  assert.equal(
    relationLabel(relation({ name: 'posts', kind: 'hasMany', localKey: 'id', foreignKey: 'userId' })),
    'posts: id → userId',
  )
  assert.equal(
    relationKeys(relation({ name: 'author', kind: 'belongsTo', localKey: 'id', foreignKey: 'userId' })),
    'userId → id',
  )
  const through = relation({
    name: 'postComments',
    kind: 'hasManyThrough',
    localKey: 'id',
    foreignKey: 'userId',
    through: { model: 'Post', localKey: 'id', foreignKey: 'postId' },
  })
  assert.equal(relationLabel(through), 'postComments: through Post (userId → postId)')
  assert.equal(relationLabel(relation({ name: 'audits', kind: 'hasMany' })), 'audits (hasMany)')
})
