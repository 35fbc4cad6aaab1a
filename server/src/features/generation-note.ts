// The footer of every hover: which Lucid generation's naming rules the card assumed, and why, so a
// user with a surprising table or key name sees at once whether the version guess is the cause.
import type { LucidGeneration } from '../../../engine/src/model-graph'
import type { Project } from '../project/project'
import type { ServerContext } from './context'

export const GENERATION_LABEL: Record<LucidGeneration, string> = {
  v5: 'v5 (Lucid 18)',
  v6: 'v6 (Lucid 20/21)',
  v7: 'v7 (Lucid 22)',
}

export function generationNote(context: ServerContext, project: Project): string {
  const label = GENERATION_LABEL[project.generation]
  if (context.settings().lucidVersion !== 'auto')
    return `_Lucid ${label} naming rules (set by \`lucidLens.lucidVersion\`)_`
  return project.generationSource
    ? `_Lucid ${label} naming rules (from ${project.generationSource})_`
    : `_Lucid ${label} naming rules (latest assumed: no Lucid version in package.json)_`
}
