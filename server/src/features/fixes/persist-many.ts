// LL305: fetchOrCreateMany/updateOrCreateMany on a relation need a predicate. The fix passes a
// property of the related model that looks unique, as a starting point the user checks.
import { ModelInference, type LucidModel } from '../../analysis'
import { callAt } from './call-at'
import { insertAt, type Fix, type FixInput } from './fix'
import { quoteOf } from './text-style'

/** Property names that usually carry a unique index, in order of preference. */
const UNIQUE_LOOKING = ['slug', 'uuid', 'email', 'username', 'code', 'sku', 'handle', 'key', 'name', 'title']

export function predicateFixes(input: FixInput): Fix[] {
  const call = callAt(input, 'fetchOrCreateMany', 'updateOrCreateMany')
  const payload = call?.arguments[0]
  if (!call || !payload || call.arguments.length !== 1) return []
  const ts = input.index.ts
  if (!ts.isPropertyAccessExpression(call.expression)) return []
  const ref = new ModelInference(input.index).of(call.expression.expression)
  const property = ref?.kind === 'relation' ? predicateOf(ref.model) : undefined
  if (!property) return []
  const q = quoteOf(input.file)
  return [
    {
      title: `Match existing rows on '${property}'`,
      edits: [insertAt(input.file, payload.getEnd(), `, ${q}${property}${q}`)],
    },
  ]
}

/** A unique-looking property, else the first string property that is not a key. */
function predicateOf(model: LucidModel): string | undefined {
  const columns = [...model.columns.values()].filter((c) => !c.fact.isPrimary)
  for (const name of UNIQUE_LOOKING) if (columns.some((c) => c.fact.name === name)) return name
  return columns.find((c) => c.fact.baseType === 'string' && !/(Id|Uuid|ID)$/.test(c.fact.name))?.fact.name
}
