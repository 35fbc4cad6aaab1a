// Receivers whose value is one of several expressions: a `let` given its value in branches or
// rebuilt step by step, `cond ? ship : null`, `found ?? new Ship()`, what `db.transaction` hands
// back from its callback, methods with a bare `return`, `loadCount(...)` chains, the rows of
// `entries()`, and a member of the object a method returns (`const { ship } = await m.current()`).
// Each is checked both ways: a misspelt relation is reported, a correct one is not, and where the
// expressions disagree (two models, an unknown value, a write the syntax cannot read) the receiver
// is not certain and nothing is reported.
import { test } from 'node:test'
import { assertAppMatchesMarkers } from '../support/compare-markers'

const SHIP = `import { BaseModel, column, belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Port from '#models/port'
import Sailor from '#models/sailor'

export default class Ship extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare portId: number

  @belongsTo(() => Port)
  declare port: BelongsTo<typeof Port>

  @hasMany(() => Sailor)
  declare crew: HasMany<typeof Sailor>
}
`

const PORT = `import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Ship from '#models/ship'

export default class Port extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @hasMany(() => Ship)
  declare ships: HasMany<typeof Ship>
}
`

const SAILOR = `import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Sailor extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare shipId: number
}
`

const models = {
  'package.json': JSON.stringify({
    name: 'harbor-app',
    type: 'module',
    imports: { '#models/*': './app/models/*.js', '#services/*': './app/services/*.js' },
    dependencies: { '@adonisjs/core': '^6.12.0', '@adonisjs/lucid': '^21.1.0' },
  }),
  'app/models/ship.ts': SHIP,
  'app/models/port.ts': PORT,
  'app/models/sailor.ts': SAILOR,
}

function check(files: Record<string, string>, expected: number): void {
  assertAppMatchesMarkers({ ...models, ...files }, expected)
}

const LETS = `import Ship from '#models/ship'
import Port from '#models/port'

declare function pick(step?: number): any

export default class DocksController {
  async branches(id: number) {
    let ship
    if (id > 0) ship = await Ship.findOrFail(id)
    else ship = await Ship.query().firstOrFail()
    await ship.load('crew')
    await ship.load('crewe') // expect LL201
  }

  async rebuilt(name?: string) {
    let query = Ship.query()
    if (name) query = query.where('name', name)
    query = query.orderBy('id')
    await query.preload('port')
    await query.preload('portt') // expect LL201
  }

  async startsEmpty(id: number) {
    let found = null
    found = await Ship.find(id)
    await found?.load('crw') // expect LL201
    let loose: any = Ship.query()
    loose = loose.where('id', id)
    await loose.preload('prot') // expect LL201
    const typedAny: any = Ship.query()
    await typedAny.preload('crew')
    await typedAny.preload('crews') // expect LL201
  }

  async laterWrites(id: number) {
    let pending: any = Ship.query().where('id', id)
    await pending.preload('crew')
    await pending.preload('crue') // expect LL201
    pending = await pending.select('*')
    let cycling = Ship.query()
    for (const step of [1, 2]) {
      await cycling.preload('nothing')
      cycling = pick(step)
    }
    let captured = Ship.query()
    const run = () => captured.preload('nothing')
    captured = pick()
    await run()
  }

  async uncertain(id: number, flag: boolean) {
    let either
    either = await Ship.findOrFail(id)
    if (flag) either = await Port.findOrFail(id)
    await either.load('ships')
    let unknown = await Ship.findOrFail(id)
    unknown = pick()
    await unknown.load('nothing')
    let unpacked = await Ship.findOrFail(id)
    ;[unpacked] = pick()
    await unpacked.load('nothing')
    let rows = Ship.query()
    if (flag) rows = await rows
    await rows.preload('nothing')
    let never
    await never.load('nothing')
  }
}
`

test('a let: the values that can reach the use name the model, a builder reassigned from itself, typed any', () => {
  check({ 'app/controllers/docks_controller.ts': LETS }, 6)
})

const BRANCHES = `import db from '@adonisjs/lucid/services/db'
import Ship from '#models/ship'
import Port from '#models/port'

export default class HarborController {
  async show(id: number, flag: boolean, other: any) {
    const maybe = id ? await Ship.find(id) : null
    await maybe?.load('port')
    await maybe?.load('porrt') // expect LL201
    const chosen = (await Ship.find(id)) ?? new Ship()
    await chosen.load('crev') // expect LL201
    const { default: Vessel } = await import('#models/ship')
    const fresh = new Vessel()
    await fresh.related('crewz').query() // expect LL201
    const mixed = flag ? await Ship.find(id) : await Port.find(id)
    await mixed?.load('ships')
    const partly = other.current ?? new Ship()
    await partly.load('nothing')
  }

  async saved() {
    const ship = await db.transaction(async (trx) => {
      const made = new Ship()
      made.useTransaction(trx)
      await made.save()
      return made
    })
    await ship.load('crew')
    await ship.load('cerw') // expect LL201
    const two = await db.transaction(async () => {
      if (Math.random() > 0.5) return new Port()
      return new Ship()
    })
    await two.load('ships')
    const elsewhere = { transaction: async (fn: () => Promise<unknown>) => fn() }
    const notLucid = await elsewhere.transaction(async () => new Port())
    await (notLucid as Ship).load('crew')
  }
}
`

test('conditionals, ?? and db.transaction: the value names a model when every branch or return does', () => {
  check({ 'app/controllers/harbor_controller.ts': BRANCHES }, 4)
})

const MOORING = `import Ship from '#models/ship'
import Port from '#models/port'

export default class Mooring {
  static async moor(id?: number) {
    if (!id) return
    return Ship.findOrFail(id)
  }

  static async either(id?: number) {
    if (!id) return null
    if (id > 10) return Port.findOrFail(id)
    return Ship.findOrFail(id)
  }
}
`

const CREW = `import Ship from '#models/ship'
import Mooring from '#services/mooring'

export default class CrewController {
  async show(id: number) {
    const moored = await Mooring.moor(id)
    await moored?.load('port')
    await moored?.load('portz') // expect LL201
    const unsure = await Mooring.either(id)
    await unsure?.load('ships')
    const ship = await Ship.findOrFail(id)
    await ship.loadCount('crew').loadCount('port')
    await ship.loadCount('crew').loadCount('crewe') // expect LL201
    await ship.loadCount('crew').loadAggregate('krew', (q) => q.count('*')) // expect LL201
    const ships = await Ship.query()
    for (const [, row] of ships.entries()) {
      await row.load('crew') // expect LL501
      await row.load('kru') // expect LL201
    }
    for (const [index] of ships.entries()) {
      console.log(index)
    }
    const byName = new Map([['a', ship]])
    for (const [, entry] of byName.entries()) {
      await entry.load('nothing')
    }
  }
}
`

// The row of entries() is known well enough for the N+1 check too (LL501 on the load in the loop).
test('methods with a bare return, loadCount chains and the rows of entries()', () => {
  check({ 'app/services/mooring.ts': MOORING, 'app/controllers/crew_controller.ts': CREW }, 5)
})

const MANIFEST = `import Ship from '#models/ship'
import Port from '#models/port'

export default class Manifest {
  async current(id: number): Promise<{ ship: Ship; note: string }> {
    return { ship: await Ship.findOrFail(id), note: '' }
  }

  async sometimes(id: number) {
    const ship = await Ship.findOrFail(id)
    if (id > 5) return { ship, found: true }
    return { found: false }
  }

  async spread(id: number, extra: any) {
    return { ship: await Ship.findOrFail(id), ...extra }
  }

  async keyed(id: number, field: string) {
    return { ship: await Ship.findOrFail(id), [field]: await Port.findOrFail(id) }
  }
}
`

const CARGO = `import db from '@adonisjs/lucid/services/db'
import Port from '#models/port'
import Manifest from '#services/manifest'

export default class CargoController {
  async show(id: number) {
    const manifest = new Manifest()
    const { ship } = await manifest.current(id)
    await ship.load('crew')
    await ship.load('crewe') // expect LL201
    const { ship: found } = await manifest.sometimes(id)
    await found?.load('prt') // expect LL201
    const { ship: spread } = await manifest.spread(id, {})
    await spread.load('nothing')
    const { ship: keyed } = await manifest.keyed(id, 'ship')
    await keyed.load('nothing')
    const { port, ships } = await db.transaction(async () => {
      const home = await Port.findOrFail(id)
      return { port: home, ships: await home.related('ships').query() }
    })
    await port.load('shipz') // expect LL201
    await ships[0]?.load('portt') // expect LL201
    const { port: local } = { port: await Port.findOrFail(id) }
    await local.load('ships')
    await local.load('shipps') // expect LL201
  }
}
`

test('a member of the object a method or db.transaction returns: declared, or the same in every literal returned', () => {
  check({ 'app/services/manifest.ts': MANIFEST, 'app/controllers/cargo_controller.ts': CARGO }, 5)
})
