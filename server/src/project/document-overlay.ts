// The text of documents open in the editor, which wins over the disk.
import { normalizedPath } from '../analysis/normalized-path'

export interface OpenDocument {
  text: string
  version: number
  /**
   * Unique per update, unlike `version`: a document closed and opened again starts at version 1
   * with new text, and caches keyed by the client's version would serve the old text.
   */
  revision: number
}

export class DocumentOverlay {
  private readonly docs = new Map<string, OpenDocument>()
  private revisions = 0

  set(fileName: string, text: string, version: number): void {
    this.docs.set(normalizedPath(fileName), { text, version, revision: ++this.revisions })
  }

  delete(fileName: string): void {
    this.docs.delete(normalizedPath(fileName))
  }

  get(fileName: string): OpenDocument | undefined {
    return this.docs.get(normalizedPath(fileName))
  }

  fileNames(): IterableIterator<string> {
    return this.docs.keys()
  }
}
