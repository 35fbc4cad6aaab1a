// Free variables of selected code (`user` in `user.related('posts').query()`): each is bound to a
// row of its model. The model is asked only when the code's types do not say it.
import type { FreeVariable } from '../../../server/src/protocol'
import type { Prompter } from '../quick-picks'
import type { LucidRequests } from '../requests'
import type { Variables } from '../preview-runner'
import { findModel, pickModel, pickRow } from './pickers'

export function variableBinder(prompter: Prompter, requests: LucidRequests) {
  return async (variables: FreeVariable[], uri: string): Promise<Variables | undefined> => {
    if (variables.length === 0) return {}
    const models = await requests.allModels()
    const bound: Variables = {}
    for (const variable of variables) {
      const known = variable.model ? findModel(models, variable.model, uri) : undefined
      const model = known ?? (await pickModel(prompter, models, `Lucid: the model "${variable.name}" holds`))
      if (!model) return undefined
      const key = await pickRow(
        prompter,
        requests,
        { uri: model.uri, model: model.name, primaryKey: model.primaryKey },
        `Lucid: the ${model.name} "${variable.name}" holds`,
      )
      if (key === undefined) return undefined
      bound[variable.name] = { model: model.name, key }
    }
    return bound
  }
}
