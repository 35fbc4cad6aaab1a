// One preview in a fresh process, printing its peak RSS: a preview's memory must not grow with the
// table it reads (the row cap stops reading, it does not load and then trim).
// Usage: node build/bench/engine-memory.js <sqlite-file>
import { call, previewSqlite } from '../engine/src'
import { ENGINE_GRAPH } from './engine-db'

async function main(): Promise<void> {
  const file = process.argv[2]
  if (!file) throw new Error('usage: engine-memory <sqlite-file>')
  const result = await previewSqlite(
    ENGINE_GRAPH,
    { model: 'Post', calls: [call('query'), call('where', 'title', 'like', 'Post%')] },
    file,
    {},
  )
  console.log(
    JSON.stringify({
      rows: (result.result as unknown[]).length,
      truncated: result.truncated,
      maxRssKb: process.resourceUsage().maxRSS,
    }),
  )
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
