// The JSON payloads typed into dry-run inputs: checked as the user types, so the message says what
// is wrong before anything is sent.

export type JsonShape = 'object' | 'array of objects' | 'any'

export type JsonInput = { ok: true; value: unknown } | { ok: false; error: string }

export function parseJsonInput(text: string, shape: JsonShape): JsonInput {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
  const isObject = (item: unknown) => typeof item === 'object' && item !== null && !Array.isArray(item)
  if (shape === 'object' && !isObject(value))
    return { ok: false, error: `Expected a JSON object such as {"title": "Hello"}, got ${describe(value)}` }
  if (shape === 'array of objects' && !(Array.isArray(value) && value.every(isObject)))
    return {
      ok: false,
      error: `Expected a JSON array of objects such as [{"title": "Hello"}], got ${describe(value)}`,
    }
  return { ok: true, value }
}

/** For input boxes: undefined when valid, else the message. */
export function jsonInputError(text: string, shape: JsonShape): string | undefined {
  const parsed = parseJsonInput(text, shape)
  return parsed.ok ? undefined : parsed.error
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array that is not all objects'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}
