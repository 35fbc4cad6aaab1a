// Differential suite: `paginate()` on models with SnakeCaseNamingStrategy, whose paginator meta keys
// are snake_case (`per_page`, `current_page`, ...). The camelCase cases are in STARTS and RELATED.
import type { ModelGraph } from '../../../engine/src/model-graph'
import { differential, sqliteTarget, type Scenario } from '../support/differential'
import { FIXTURE_GRAPH } from '../support/fixture-graph'
import { chain } from '../support/plan-recorder'

const SNAKE_GRAPH: ModelGraph = {
  ...FIXTURE_GRAPH,
  models: FIXTURE_GRAPH.models.map((model) => ({ ...model, namingStrategy: 'snake' })),
}

const SNAKE_PAGES: Scenario[] = [
  {
    name: 'snake_case meta keys on a model query, with next and previous pages',
    lucid: async ({ User }) => User.query().orderBy('id').paginate(2, 1),
    plan: chain('User', (u) => u.query().orderBy('id').paginate(2, 1)),
  },
  {
    name: 'snake_case meta keys on a relation query',
    lucid: async ({ User }) => (await User.findOrFail(1)).related('posts').query().paginate(1, 2),
    plan: chain('User', (u) => u.findOrFail(1).related('posts').query().paginate(1, 2)),
  },
]

differential('paginate with SnakeCaseNamingStrategy', SNAKE_PAGES, sqliteTarget, { graph: SNAKE_GRAPH })
