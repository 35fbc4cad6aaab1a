// Free variables of selected code: a chain root (`user` in `user.related('posts').query()`) is bound
// to a row of its model, the model asked only when the code's types do not say it; an argument
// (`page` in `paginate(page, 20)`) is bound to a value the user types, as JSON.
import type { FreeVariable } from '../../../server/src/protocol'
import { jsonInputError, parseJsonInput } from '../json-input'
import type { Prompter } from '../quick-picks'
import type { LucidRequests } from '../requests'
import type { Bindings } from '../preview-runner'
import { findModel, pickModel, pickRow } from './pickers'

export function variableBinder(prompter: Prompter, requests: LucidRequests) {
  return async (variables: FreeVariable[], uri: string): Promise<Bindings | undefined> => {
    const bound: Bindings = { variables: {}, values: {} }
    if (variables.length === 0) return bound
    const rows = variables.filter((variable) => !variable.value)
    const models = rows.length ? await requests.allModels() : []
    for (const variable of variables) {
      if (variable.value) {
        const text = await prompter.input({
          title: `Lucid: the value of "${variable.name}"`,
          prompt: 'A JSON value: 2, "text", true, null, [1, 2]',
          validate: (typed) => jsonInputError(typed, 'any'),
        })
        if (text === undefined) return undefined
        const parsed = parseJsonInput(text, 'any')
        if (!parsed.ok) return undefined
        bound.values[variable.name] = parsed.value as Bindings['values'][string]
        continue
      }
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
      bound.variables[variable.name] = { model: model.name, key }
    }
    return bound
  }
}
