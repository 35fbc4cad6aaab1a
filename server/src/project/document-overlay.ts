// The text of documents open in the editor, which wins over the disk.
import * as path from 'node:path'

export interface OpenDocument {
  text: string
  version: number
}

export class DocumentOverlay {
  private readonly docs = new Map<string, OpenDocument>()

  set(fileName: string, text: string, version: number): void {
    this.docs.set(path.normalize(fileName), { text, version })
  }

  delete(fileName: string): void {
    this.docs.delete(path.normalize(fileName))
  }

  get(fileName: string): OpenDocument | undefined {
    return this.docs.get(path.normalize(fileName))
  }

  fileNames(): IterableIterator<string> {
    return this.docs.keys()
  }
}
