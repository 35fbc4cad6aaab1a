// The edits the LSP benchmark types into one model: comment-only edits alternate with real changes
// that make a finding appear (in the model or in its controller) and the next edit clears it again,
// so every timed round trip re-links the models instead of hitting a cache.
import { childrenOf, relationName } from './app-shape'

export interface Edit {
  text: string
  /** Whether the model's / the controller's diagnostics must be non-empty after this edit. */
  modelFlagged: boolean
  controllerFlagged: boolean
  label: 'comment' | 'rename column' | 'rename relation'
}

export function editAt(round: number, original: string, model: number, models: number): Edit {
  const comment = `\n// edit ${round}\n`
  if (round % 4 === 1) {
    // Model<i> has a hasMany with localKey 'uuid': renaming the column gives LL102 in the model itself.
    const text = replaceOnce(original, 'declare uuid: string', 'declare uuidRenamed: string')
    return { text: text + comment, modelFlagged: true, controllerFlagged: false, label: 'rename column' }
  }
  if (round % 4 === 3) {
    // The controller preloads and relates this relation by name: renaming it gives LL201 there.
    const relation = relationName(childrenOf(model, models)[0]?.child ?? model)
    const text = replaceOnce(original, `declare ${relation}:`, `declare ${relation}Renamed:`)
    return { text: text + comment, modelFlagged: false, controllerFlagged: true, label: 'rename relation' }
  }
  return { text: original + comment, modelFlagged: false, controllerFlagged: false, label: 'comment' }
}

function replaceOnce(text: string, search: string, replacement: string): string {
  if (!text.includes(search)) throw new Error(`edit scenario: "${search}" not found in the model`)
  return text.replace(search, replacement)
}
