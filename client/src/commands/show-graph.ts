// Lucid: Show Relationship Graph: every app's models and relations, drawn in a webview.
import type { GraphPanel } from '../graph-panel'
import type { LucidRequests } from '../requests'

export async function showGraph(requests: LucidRequests, graph: GraphPanel): Promise<void> {
  await graph.show(await requests.models({}))
}
