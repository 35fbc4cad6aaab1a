// The texts a project hands TypeScript, one snapshot per file version, kept in memory because
// TypeScript asks for every file's snapshot on each program update. A text TypeScript cannot read
// (nested too deeply: its parser overflows the stack) is set aside: the file's last readable text
// stands in for it (an empty one if it never had one), so the rest of the app is still analysed.
import type * as TS from 'typescript'
import type { TsModule } from '../analysis/syntax'
import { nestingProblem } from './nesting'

const PARSER_OVERFLOW = "TypeScript's parser runs out of stack on it (code nested too deeply)"

/**
 * Syntax trees deeper than this are set aside even when they parse: TypeScript's binder and checker,
 * and the analysis, recurse once per level (20,000 `!` in a row parse, then overflow the binder).
 */
export const MAX_TREE_DEPTH = 500
const TOO_DEEP = `its syntax nests more than ${MAX_TREE_DEPTH} levels deep`

export class SnapshotStore {
  private readonly current = new Map<string, { version: string; snapshot: TS.IScriptSnapshot }>()
  /** The last text of each file that a program was built from. */
  private readonly readable = new Map<string, TS.IScriptSnapshot>()
  private readonly unreadable = new Map<string, { version: string; reason: string }>()
  /** Files whose text was read since the last program was built. */
  private readonly fresh = new Set<string>()

  constructor(
    private readonly ts: TsModule,
    private readonly log: () => (line: string) => void,
  ) {}

  /** The snapshot of a file version; `read` gives its text when the version is new. */
  get(key: string, version: string, read: () => string | undefined): TS.IScriptSnapshot | undefined {
    const cached = this.current.get(key)
    if (cached?.version === version) return cached.snapshot
    const text = read()
    if (text === undefined) return undefined
    this.fresh.add(key)
    const reason = nestingProblem(text)
    if (reason) return this.setAside(key, version, reason)
    if (this.unreadable.delete(key)) this.log()(`${key} is analysed again`)
    const snapshot = this.ts.ScriptSnapshot.fromString(text)
    this.current.set(key, { version, snapshot })
    return snapshot
  }

  /**
   * The version TypeScript sees: a text set aside after TypeScript parsed it gets its own, so the
   * stand-in replaces the parsed tree rather than being taken for the same version.
   */
  scriptVersion(key: string, version: string): string {
    return this.unreadable.get(key)?.version === version ? `${version}:set-aside` : version
  }

  unreadableReason(key: string): string | undefined {
    return this.unreadable.get(key)?.reason
  }

  /** A program was built: the texts read for it are readable. */
  built(): void {
    for (const key of this.fresh) {
      const entry = this.current.get(key)
      if (entry && !this.unreadable.has(key)) this.readable.set(key, entry.snapshot)
    }
    this.fresh.clear()
  }

  /**
   * Sets aside the texts read for this program whose syntax tree is deeper than MAX_TREE_DEPTH
   * (measured without recursion); true when there were any, and the program must be built again.
   */
  setAsideDeep(program: TS.Program): boolean {
    let found = false
    for (const key of this.fresh) {
      const entry = this.current.get(key)
      const file = program.getSourceFile(key)
      if (!entry || !file || this.unreadable.has(key)) continue
      const depth = treeDepth(this.ts, file, MAX_TREE_DEPTH)
      if (depth <= MAX_TREE_DEPTH) continue
      this.setAside(key, entry.version, TOO_DEEP)
      found = true
    }
    return found
  }

  /**
   * Building the program overflowed the stack: parse each text read since the last program on its
   * own, and set aside those that overflow. False when none does (the overflow is elsewhere).
   */
  setAsideUnparsable(): boolean {
    let found = false
    for (const key of this.fresh) {
      const entry = this.current.get(key)
      if (!entry || this.unreadable.has(key)) continue
      const text = entry.snapshot.getText(0, entry.snapshot.getLength())
      let file: TS.SourceFile
      try {
        file = this.ts.createSourceFile(key, text, this.ts.ScriptTarget.Latest)
      } catch (error) {
        if (!(error instanceof RangeError)) throw error
        this.setAside(key, entry.version, PARSER_OVERFLOW)
        found = true
        continue
      }
      // Parsed here, with more stack left than inside the LanguageService: judge it by its depth.
      if (treeDepth(this.ts, file, MAX_TREE_DEPTH) > MAX_TREE_DEPTH) {
        this.setAside(key, entry.version, TOO_DEEP)
        found = true
      }
    }
    return found
  }

  private setAside(key: string, version: string, reason: string): TS.IScriptSnapshot {
    if (!this.unreadable.has(key)) this.log()(`${key} could not be analysed: ${reason}`)
    this.unreadable.set(key, { version, reason })
    const standIn = this.readable.get(key) ?? this.ts.ScriptSnapshot.fromString('')
    this.current.set(key, { version, snapshot: standIn })
    return standIn
  }
}

/**
 * Levels a node's text must span for the node to hold that many levels below it: a child never
 * spans more than its parent, and at most a few wrappers in a row (a statement around an expression,
 * a type reference around a name) share one span. Four characters per level leaves room for that.
 */
const CHARS_PER_LEVEL = 4

/**
 * How deep a syntax tree is, counted with an explicit stack: its depth once that passes `limit` (it
 * stops there), else a number no larger than `limit` (not the exact depth). A subtree
 * whose text is too short to reach past `limit` is not entered (most of every file: statements and
 * members are short), so this walks the few long nodes of each file. Nodes and their depths sit in
 * two parallel arrays, and one callback serves every node: this runs over every file on each cold
 * start, so it allocates nothing per node.
 */
function treeDepth(ts: TsModule, file: TS.SourceFile, limit: number): number {
  const nodes: TS.Node[] = [file]
  const depths: number[] = [0]
  let deepest = 0
  let childDepth = 0
  const push = (child: TS.Node): undefined => {
    // `end - pos` counts leading trivia too: never less than the child's own text.
    if (childDepth + CHARS_PER_LEVEL * (child.end - child.pos) + CHARS_PER_LEVEL <= limit) {
      if (childDepth > deepest) deepest = childDepth
      return
    }
    nodes.push(child)
    depths.push(childDepth)
  }
  while (nodes.length > 0) {
    const node = nodes.pop() as TS.Node
    const depth = depths.pop() as number
    if (depth > deepest) {
      deepest = depth
      if (deepest > limit) return deepest
    }
    childDepth = depth + 1
    ts.forEachChild(node, push)
  }
  return deepest
}
