// manyToMany keys in the ModelGraph: Lucid's defaults (sorted pivot table name, snake case pivot
// foreign keys, the parent's primary key on both sides) and the decorator options read literally.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ts from 'typescript'
import { buildModelGraph } from '../../server/src/analysis'
import { ProjectService } from '../../server/src/project/project-service'
import { createTempApp } from '../support/temp-app'

const SKILL = `import { BaseModel, column, manyToMany } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'

const dynamic = ['level']

export default class Skill extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @manyToMany(() => User)
  declare users: ManyToMany<typeof User>

  @manyToMany(() => User, {
    pivotTable: 'user_skills',
    relatedKey: 'id',
    pivotColumns: ['proficiency'],
    pivotTimestamps: { createdAt: true, updatedAt: 'changed_at' },
  })
  declare experts: ManyToMany<typeof User>

  @manyToMany(() => User, { pivotColumns: dynamic })
  declare learners: ManyToMany<typeof User>
}
`

test('manyToMany relations carry their pivot keys, defaults as Lucid derives them', (t) => {
  const app = createTempApp({ 'app/models/skill.ts': SKILL })
  t.after(() => app.remove())
  const project = new ProjectService(ts).projectFor(app.file('app/models/skill.ts'))
  assert.ok(project)
  const skill = buildModelGraph(project.index()).models.find((m) => m.name === 'Skill')
  const keys = new Map(skill?.relations.map((r) => [r.name, r.keys]))
  assert.deepEqual(keys.get('users'), {
    localKey: 'id',
    localKeyIsDefault: true,
    localKeyColumn: 'id',
    foreignKey: 'id',
    foreignKeyIsDefault: true,
    foreignKeyColumn: 'id',
    pivot: {
      table: 'skill_user',
      tableIsDefault: true,
      foreignKey: 'skill_id',
      relatedForeignKey: 'user_id',
      columns: [],
      timestamps: {},
    },
  })
  assert.deepEqual(keys.get('experts')?.pivot, {
    table: 'user_skills',
    tableIsDefault: false,
    foreignKey: 'skill_id',
    relatedForeignKey: 'user_id',
    columns: ['proficiency'],
    timestamps: { createdAt: 'created_at', updatedAt: 'changed_at' },
  })
  assert.equal(keys.get('experts')?.foreignKeyIsDefault, false)
  assert.equal(keys.get('learners'), undefined)
})
