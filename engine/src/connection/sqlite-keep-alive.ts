// No better-sqlite3 object may ever become garbage. Its Database, Statement and iterator objects are
// node::ObjectWrap instances, and the ObjectWrap of Node.js 24.21's headers (compiled into every
// addon built for it) unregisters an environment cleanup hook when the garbage collector finalizes
// one. A collection that runs outside any JavaScript context (one triggered by an allocation or by
// the idle-time scheduler) finds no environment there, and Node aborts the whole process:
// `Assertion failed: (env) != nullptr` in node::RemoveEnvironmentCleanupHook, SIGABRT.
//
// So every such object a driver makes stays reachable until the process ends. This costs a closed
// handle's few hundred bytes per object; a process that lives long (the language server) must make a
// bounded number of them, which it does by keeping one connection per file (introspect/sqlite.ts).
import type Database from 'better-sqlite3'

type Driver = typeof Database
type Method = (this: unknown, ...args: unknown[]) => unknown

/** Everything a driver made: referenced from here, never collected. */
const kept: object[] = []
const patched = new WeakSet<object>()

/** How many objects are held (for tests: a bounded process must not make this grow with use). */
export function keptSqliteObjects(): number {
  return kept.length
}

/** A driver (`new Driver(file)`) whose databases, statements and iterators are never collected. */
export function keepingAlive(driver: Driver): Driver {
  const Kept = class extends driver {
    constructor(...args: ConstructorParameters<Driver>) {
      super(...args)
      kept.push(this)
      keepWhatItMakes(this)
    }
  }
  return Kept as unknown as Driver
}

/**
 * The native classes are reached through a database's own objects (its native handle, one prepared
 * statement); their prototypes are shared by every database of that addon, so they are wrapped once.
 * `prepare` is what every statement comes from (`db.pragma()` and transactions call it too), and
 * `iterate` is what every iterator comes from.
 */
function keepWhatItMakes(db: Database.Database): void {
  const native = Object.getOwnPropertySymbols(db)
    .map((key) => (db as unknown as Record<symbol, unknown>)[key])
    .find((value): value is object => typeof value === 'object' && value !== null && 'prepare' in value)
  if (!native) return
  const databaseProto = Object.getPrototypeOf(native) as Record<string, Method>
  if (patched.has(databaseProto)) return
  patched.add(databaseProto)
  keepResults(databaseProto, 'prepare', (statement) => {
    const statementProto = Object.getPrototypeOf(statement) as Record<string, Method>
    if (patched.has(statementProto)) return
    patched.add(statementProto)
    keepResults(statementProto, 'iterate')
  })
}

function keepResults(proto: Record<string, Method>, name: string, firstMade?: (made: object) => void): void {
  const original = proto[name]
  if (typeof original !== 'function') return
  proto[name] = function (this: unknown, ...args: unknown[]) {
    const made = original.apply(this, args)
    if (typeof made === 'object' && made !== null) {
      kept.push(made)
      firstMade?.(made)
    }
    return made
  }
}
