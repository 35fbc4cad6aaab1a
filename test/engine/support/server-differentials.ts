// Every read scenario set, run differentially on a database server: one list, so the PostgreSQL and
// MySQL/MariaDB tiers always cover the same scenarios.
import { BELONGS_TO } from '../differential/scenarios/belongs-to'
import { BUILDER_FORMS } from '../differential/scenarios/builder-forms'
import { ERRORS } from '../differential/scenarios/errors'
import { MANY_TO_MANY } from '../differential/scenarios/many-to-many'
import { ON_QUERY } from '../differential/scenarios/on-query'
import { PRELOADS } from '../differential/scenarios/preload'
import { RELATED } from '../differential/scenarios/related'
import { STARTS } from '../differential/scenarios/starts'
import { SUBQUERIES } from '../differential/scenarios/subqueries'
import { V7_GRAPH, V7_WINDOW_SCENARIOS } from '../lucid22/scenarios'
import { differential, type Scenario } from './differential'
import { LUCID22_ROOT, withLucid22 } from './lucid22'
import type { ServerDialect } from './server-db'
import { serverTarget } from './server-target'

const SETS: Array<[string, Scenario[]]> = [
  ['starts', STARTS],
  ['related queries', RELATED],
  ['preloads', PRELOADS],
  ['subqueries', SUBQUERIES],
  ['errors', ERRORS],
  ['builder forms', BUILDER_FORMS],
  ['onQuery hooks', ON_QUERY],
  ['belongsTo relations', BELONGS_TO],
  ['manyToMany relations', MANY_TO_MANY],
]

export function serverDifferentials(dialect: ServerDialect, label: string): void {
  for (const [name, scenarios] of SETS) differential(`${label}: ${name}`, scenarios, serverTarget(dialect))
}

/**
 * Real Lucid 22 on the server, on a 'v7' graph: the groupLimit windows (quoted per dialect since
 * Lucid 22, hasMany and manyToMany) and every manyToMany scenario.
 */
export function serverLucid22Differentials(dialect: ServerDialect, label: string): void {
  withLucid22((version) =>
    differential(
      `${label}: real Lucid ${version} (v7 graph)`,
      [...V7_WINDOW_SCENARIOS, ...MANY_TO_MANY],
      serverTarget(dialect),
      { graph: V7_GRAPH, packageRoot: LUCID22_ROOT },
    ),
  )
}
