// Lucid code to a query plan, with the TypeScript parser and never `eval`: a chain of calls that
// starts at a model class (`User.findOrFail(1).related('posts').query().where('isPublished', true)`)
// or at a variable the caller binds to one (`user` → `User.findOrFail(1)`). Arguments must be
// literals, arrays, objects of literals, or callbacks whose body is calls on their parameter
// (call-reader.ts, shared with the reading of `onQuery` bodies).
import ts from 'typescript'
import type { QueryPlan } from '../../../engine/src/plan'
import {
  CallReader,
  FreeValueError,
  PlanSyntaxError,
  type Values,
  type Variables,
} from '../analysis/call-reader'

export { FreeValueError, PlanSyntaxError, type Values, type Variables }

export function planFromCode(text: string, variables: Variables = {}, values: Values = {}): QueryPlan {
  try {
    return read(text, variables, values)
  } catch (error) {
    // The parser and the reader recurse per nesting level: a thousand nested parentheses overflow.
    if (error instanceof RangeError)
      throw new PlanSyntaxError('The expression is nested too deeply to be read', 0)
    throw error
  }
}

function read(text: string, variables: Variables, values: Values): QueryPlan {
  // Parsed as the body of an async function so `await` and a trailing `;` are both accepted.
  const prefix = 'async () => ('
  const source = ts.createSourceFile(
    'preview.ts',
    `${prefix}${text.trim().replace(/;+$/, '')}\n)`,
    ts.ScriptTarget.Latest,
    true,
  )
  // parseDiagnostics is internal but has been stable for years; the public route needs a Program.
  const problem = (source as unknown as { parseDiagnostics: ts.DiagnosticWithLocation[] }).parseDiagnostics[0]
  if (problem)
    throw new PlanSyntaxError(
      `Not a valid expression: ${ts.flattenDiagnosticMessageText(problem.messageText, ' ')}`,
      Math.min(Math.max(0, problem.start - prefix.length), text.length),
    )
  const arrow = (source.statements[0] as ts.ExpressionStatement | undefined)?.expression
  if (!arrow || !ts.isArrowFunction(arrow) || !ts.isParenthesizedExpression(arrow.body)) {
    throw new PlanSyntaxError('Expected one Lucid expression', 0)
  }
  return new CallReader(ts, prefix.length, variables, values).chain(arrow.body.expression)
}
