// Lucid forwards arbitrary arguments to knex methods by name and inspects plain objects; knex's
// overloaded typings cannot express that, so the untyped corner lives here, in one place.
import { runtimeError } from './errors'

/** Calls a knex method by name; knex's overloads cannot express the forwarding Lucid does. */
export function invoke(target: object, method: string, args: unknown[]): unknown {
  const fn = (target as Record<string, unknown>)[method]
  if (typeof fn !== 'function') throw runtimeError(`knex has no "${method}" method`)
  return (fn as (...a: unknown[]) => unknown).apply(target, args)
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
