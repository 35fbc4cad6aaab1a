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
import { differential, type Scenario } from './differential'
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
