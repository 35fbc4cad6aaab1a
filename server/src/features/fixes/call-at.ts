// The Lucid call whose method name a finding covers (`groupOrderBy` in `q.groupOrderBy(...)`).
import type * as TS from 'typescript'
import { fileFacts } from '../../analysis/file-facts'
import type { FixInput } from './fix'

export function callAt(
  { index, file, finding }: FixInput,
  ...methods: string[]
): TS.CallExpression | undefined {
  return fileFacts(index.ts, file).calls.find(
    (c) => methods.includes(c.method) && c.methodNode.getStart(file) === finding.start,
  )?.node
}
