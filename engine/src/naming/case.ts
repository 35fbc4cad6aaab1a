// Which case conversion a generation uses: change-case v4 for Lucid 18, case-anything v3 from Lucid 20 on.
import type { LucidGeneration } from '../model-graph'
import { camelCaseV5, snakeCaseV5 } from './case-v5'
import { camelCaseV6, snakeCaseV6 } from './case-v6'

export function snakeCase(input: string, generation: LucidGeneration): string {
  return generation === 'v5' ? snakeCaseV5(input) : snakeCaseV6(input)
}

export function camelCase(input: string, generation: LucidGeneration): string {
  return generation === 'v5' ? camelCaseV5(input) : camelCaseV6(input)
}
