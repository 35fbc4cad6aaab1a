// The differential tier against real Lucid 22, on a 'v7' graph: every differential scenario, the
// manyToMany ones and the v7 shapes, on SQLite (support/lucid22.ts says where Lucid 22 lives).
import { ALL_SCENARIOS } from '../differential/scenarios'
import { MANY_TO_MANY } from '../differential/scenarios/many-to-many'
import { differential, sqliteTarget } from '../support/differential'
import { LUCID22_ROOT, withLucid22 } from '../support/lucid22'
import { V7_GRAPH, V7_SCENARIOS } from './scenarios'

withLucid22((version) =>
  differential(
    `real Lucid ${version} (v7 graph)`,
    [...ALL_SCENARIOS, ...MANY_TO_MANY, ...V7_SCENARIOS],
    sqliteTarget,
    { graph: V7_GRAPH, packageRoot: LUCID22_ROOT },
  ),
)
