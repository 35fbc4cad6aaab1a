// The relation graph of the synthetic app, shared by the generator and the LSP scenario so that the
// edited model and its controller are known without parsing the generated files back.

/**
 * Models come in domains of 25 that relate among themselves (as real apps group models), each model
 * having many of the models 1, 7 and 11 places further in its domain: three children and three
 * parents each. Domains are not chained, because TypeScript builds its program by following imports
 * depth first: a chain of 3,000 imports overflows the stack of tsc and of the language service alike.
 */
const DOMAIN_SIZE = 25
const CHILD_OFFSETS = [1, 7, 11]

export type KeyStyle = 'default' | 'foreignKey' | 'uuid'

export interface ChildRelation {
  child: number
  keys: KeyStyle
}

export function modelName(i: number): string {
  return `Model${i}`
}

/** The hasMany property name: `model12s`. */
export function relationName(i: number): string {
  return `model${i}s`
}

/** The attribute the child must declare for the relation `parent` -> child (Lucid's default or explicit). */
export function foreignKeyOf(parent: number, keys: KeyStyle): string {
  if (keys === 'foreignKey') return `ownerModel${parent}Id`
  return keys === 'uuid' ? `model${parent}Uuid` : `model${parent}Id`
}

function domainOf(i: number, n: number): { start: number; size: number } {
  const start = i - (i % DOMAIN_SIZE)
  return { start, size: Math.min(DOMAIN_SIZE, n - start) }
}

export function childrenOf(i: number, n: number): ChildRelation[] {
  const { start, size } = domainOf(i, n)
  const out: ChildRelation[] = []
  CHILD_OFFSETS.forEach((offset, slot) => {
    const child = start + ((i - start + offset) % size)
    if (child === i || out.some((r) => r.child === child)) return
    // A mix of default keys and explicit options, as in real apps; every key exists on the child.
    const keys: KeyStyle =
      slot === 1 && i % 3 === 0 ? 'foreignKey' : slot === 2 && i % 5 === 0 ? 'uuid' : 'default'
    out.push({ child, keys })
  })
  return out
}

export function parentsOf(i: number, n: number): { parent: number; keys: KeyStyle }[] {
  const { start, size } = domainOf(i, n)
  const out: { parent: number; keys: KeyStyle }[] = []
  for (const offset of CHILD_OFFSETS) {
    const parent = start + ((((i - start - offset) % size) + size) % size)
    const relation = childrenOf(parent, n).find((r) => r.child === i)
    if (relation && !out.some((p) => p.parent === parent)) out.push({ parent, keys: relation.keys })
  }
  return out
}

/** The first model of every other domain belongs to Model0 (the tenant of everything), one way only. */
export function belongsToRoot(i: number): boolean {
  return i >= DOMAIN_SIZE && i % DOMAIN_SIZE === 0
}

export function controllerCount(n: number): number {
  return Math.max(1, Math.round(n / 5))
}

/** The model controller k is about; a multiple of 5, so it has a `uuid` localKey relation. */
export function controllerModel(k: number, n: number): number {
  return (k * 5) % n
}

/** What the LSP benchmark edits: the model of the middle controller, which other models relate to. */
export function editTarget(n: number): { model: number; controller: number } {
  const controller = Math.floor(controllerCount(n) / 2)
  return { model: controllerModel(controller, n), controller }
}
