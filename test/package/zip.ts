import { inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  data(): Buffer
}

const END_OF_CENTRAL_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06])
const CENTRAL_FILE_HEADER = 0x02014b50
const LOCAL_FILE_HEADER = 0x04034b50

/** The entries of a zip archive as vsce writes it: stored or deflated, no zip64, no encryption. */
export function readZip(archive: Buffer): ZipEntry[] {
  const end = archive.lastIndexOf(END_OF_CENTRAL_DIRECTORY)
  if (end < 0) throw new Error('not a zip archive')
  const count = archive.readUInt16LE(end + 10)
  let offset = archive.readUInt32LE(end + 16)
  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) throw new Error(`bad zip entry ${i}`)
    const method = archive.readUInt16LE(offset + 10)
    const compressedSize = archive.readUInt32LE(offset + 20)
    const size = archive.readUInt32LE(offset + 24)
    const nameLength = archive.readUInt16LE(offset + 28)
    const local = archive.readUInt32LE(offset + 42)
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength)
    offset += 46 + nameLength + archive.readUInt16LE(offset + 30) + archive.readUInt16LE(offset + 32)
    entries.push({
      name,
      data: () => {
        if (archive.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw new Error(`bad local header: ${name}`)
        const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28)
        const raw = archive.subarray(start, start + compressedSize)
        const data = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : undefined
        if (data?.length !== size) throw new Error(`cannot read ${name} (method ${method})`)
        return data
      },
    })
  }
  return entries
}
