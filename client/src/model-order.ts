// The order of the model picker: the model of the file being edited first (it is the one a user
// most likely means), then the rest alphabetically, as a user scans a list by name. Pure.

export interface OrderedModel {
  name: string
  /** file:// URI of the model's file. */
  uri: string
}

export function orderModels<T extends OrderedModel>(models: readonly T[], currentUri?: string): T[] {
  const current = currentUri !== undefined ? sameFile(currentUri) : undefined
  const rank = (model: T) => (current && current(model.uri) ? 0 : 1)
  return [...models].sort(
    (a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'en') || a.uri.localeCompare(b.uri, 'en'),
  )
}

/** URIs from the editor and the server may differ in escaping (`%3A`) and drive-letter case. */
function sameFile(uri: string): (other: string) => boolean {
  const key = (value: string) => decodeURIComponent(value).toLowerCase()
  const wanted = key(uri)
  return (other) => key(other) === wanted
}
