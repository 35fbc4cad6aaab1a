// Which Lucid generation an app's package.json implies.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { detectGeneration } from '../../server/src/analysis'

test('the generation follows @adonisjs/lucid, then @adonisjs/core, then defaults to the latest', () => {
  const cases: [Parameters<typeof detectGeneration>[0], string][] = [
    [{ dependencies: { '@adonisjs/lucid': '^18.4.0' } }, 'v5'],
    [{ dependencies: { '@adonisjs/lucid': '~20.6.0' } }, 'v6'],
    [{ dependencies: { '@adonisjs/lucid': '21.8.2' } }, 'v6'],
    [{ dependencies: { '@adonisjs/lucid': '^22.4.2' } }, 'v7'],
    [{ devDependencies: { '@adonisjs/lucid': '>=21.0.0 <22' } }, 'v6'],
    [{ dependencies: { '@adonisjs/core': '^5.9.0' } }, 'v5'],
    [{ dependencies: { '@adonisjs/core': '^6.12.0' } }, 'v6'],
    [{ dependencies: { '@adonisjs/lucid': 'latest' } }, 'v7'],
    [{}, 'v7'],
    [undefined, 'v7'],
  ]
  for (const [pkg, expected] of cases) assert.equal(detectGeneration(pkg), expected, JSON.stringify(pkg))
})
