// Scratch folders of dry runs left by a language server that was killed are deleted by the next one;
// those of running servers stay.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import { removeOrphanScratchDirs } from '../../server/src/preview/scratch-dirs'

test("a dead server's scratch folders are deleted, a running one's are kept", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-scratch-'))
  const tmpdir = process.env['TMPDIR']
  process.env['TMPDIR'] = root
  try {
    const exited = spawnSync(process.execPath, ['-e', '0'])
    assert.equal(exited.status, 0)
    const dead = path.join(root, `lucid-lens-dry-run-${exited.pid}-abc`)
    const alive = path.join(root, `lucid-lens-dry-run-${process.pid}-def`)
    const other = path.join(root, 'something-else')
    for (const dir of [dead, alive, other]) fs.mkdirSync(dir)
    fs.writeFileSync(path.join(dead, 'dry-run.sqlite3'), 'copy')
    removeOrphanScratchDirs()
    assert.deepEqual(fs.readdirSync(root).sort(), [path.basename(alive), 'something-else'])
  } finally {
    if (tmpdir === undefined) delete process.env['TMPDIR']
    else process.env['TMPDIR'] = tmpdir
    fs.rmSync(root, { recursive: true, force: true })
  }
})
