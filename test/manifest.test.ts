// The extension manifest declares exactly the settings the server understands, with its defaults.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { test } from 'node:test'
import { ALL_CODES, SCHEMA_CODES } from '../server/src/analysis'
import { SETTINGS_SCHEMA } from '../server/src/settings'
import { repoRoot } from './support/paths'

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'))
const properties: Record<
  string,
  { default: unknown; markdownDescription?: string; scope?: string; items?: { enum?: string[] } }
> = manifest.contributes.configuration.properties

test('contributes.configuration matches the server settings schema key for key', () => {
  assert.deepEqual(Object.keys(properties).sort(), Object.keys(SETTINGS_SCHEMA).sort())
  for (const [key, value] of Object.entries(SETTINGS_SCHEMA)) {
    assert.deepEqual(properties[key]?.default, value, key)
    assert.ok(properties[key]?.markdownDescription, `${key} has a markdownDescription`)
    assert.ok(properties[key]?.scope, `${key} has a scope`)
  }
})

test('finding codes are unique and every one is documented in the README', () => {
  const codes = ALL_CODES.map((c) => c.code)
  assert.equal(new Set(codes).size, codes.length)
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
  for (const code of codes) assert.ok(readme.includes(code), `${code} is in the README`)
})

test('schemaChecks.disabled offers exactly the schema codes, each a known code', () => {
  const offered = properties['lucidLens.schemaChecks.disabled']?.items?.enum
  assert.deepEqual(offered, [...SCHEMA_CODES])
  const known = new Set(ALL_CODES.map((c) => c.code))
  for (const code of SCHEMA_CODES) assert.ok(known.has(code), code)
  const description = properties['lucidLens.schemaChecks.enable']?.markdownDescription ?? ''
  assert.ok(description.includes(`${SCHEMA_CODES[0]}-${SCHEMA_CODES[SCHEMA_CODES.length - 1]}`), description)
})
