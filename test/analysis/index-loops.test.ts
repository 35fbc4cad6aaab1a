// LL501 and LL502 on rows read by index (`users[i]`) in `for`, `for…in` and `while` loops, and on
// rows of `entries()`: the message names the loop by its kind and the row as the code reads it.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { test } from 'node:test'
import ts from 'typescript'
import { analyzeFolder } from '../support/analyze-fixture'
import { copyFixture } from '../support/temp-app'

const REPORT = path.join('app', 'services', 'report_service.ts')

/** [line, code, message] of the findings in the v6 fixture's report service. */
function reportFindings(): [number, string, string][] {
  const copy = copyFixture('v6-app')
  try {
    const file = analyzeFolder(copy.root).find((f) => path.relative(copy.root, f.fileName) === REPORT)
    assert.ok(file, `${REPORT} is analysed`)
    const lines = ts.createSourceFile(file.fileName, file.text, ts.ScriptTarget.Latest)
    return file.findings.map((f) => [
      lines.getLineAndCharacterOfPosition(f.start).line + 1,
      f.code,
      f.message,
    ])
  } finally {
    copy.remove()
  }
}

const findings = reportFindings()

const LL501: [number, string][] = [
  [
    10,
    "The for loop over users runs 1 query per users[i] (load('posts') on every row): preload 'posts' in the query at line 8 instead.",
  ],
  [
    19,
    "The for loop over users runs 1 query per user (load('profile') on every row): preload 'profile' in the query at line 16 instead.",
  ],
  [
    29,
    "The for loop over users runs 1 query per user (related('posts') on every row): preload 'posts' in the query at line 25 instead.",
  ],
  [
    41,
    "The while loop over posts runs 1 query per post (User looked up by post.userId on every row): preload 'user' in the query at line 36 instead.",
  ],
  [
    52,
    "The while loop over users runs 1 query per user (load('vehicles') on every row): preload 'vehicles' in the query at line 48 instead.",
  ],
  [
    61,
    "The while loop over users runs 1 query per users[n] (load('articles') on every row): preload 'articles' in the query at line 58 instead.",
  ],
  [
    70,
    "The for…in loop over posts runs 1 query per posts[key] (load('tags') on every row): preload 'tags' in the query at line 68 instead.",
  ],
  [
    78,
    "The for…of loop over posts.entries() runs 1 query per post (loadCount('comments') on every row): withCount 'comments' in the query at line 76 instead.",
  ],
  [
    247,
    "The while loop over users runs 1 query per user (load('posts') on every row): preload 'posts' in the query at line 243 instead.",
  ],
]

for (const [line, message] of LL501) {
  test(`LL501 at report_service.ts:${line} names the loop and the row`, () => {
    assert.deepEqual(
      findings.filter(([l]) => l === line),
      [[line, 'LL501', message]],
    )
  })
}

test('LL502 on `posts[i].user` and on `const post = posts[i]` names the row as the code reads it', () => {
  const ll502 = findings.filter(([, code]) => code === 'LL502').map(([line, , message]) => [line, message])
  assert.deepEqual(ll502, [
    [
      88,
      "'user' is never loaded on posts[i]: the query at line 85 does not preload it and Lucid does not lazy-load relations, so posts[i].user is undefined here. Preload 'user' in that query.",
    ],
    [
      90,
      "'comments' is never loaded on post: the query at line 85 does not preload it and Lucid does not lazy-load relations, so post.comments is undefined here. Preload 'comments' in that query.",
    ],
  ])
})
