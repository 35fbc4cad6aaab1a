import { fileURLToPath, pathToFileURL } from 'node:url'

export function uriToPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined
}

export function pathToUri(fileName: string): string {
  return pathToFileURL(fileName).toString()
}
