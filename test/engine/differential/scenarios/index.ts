// Every differential scenario, for suites that run them all (the safety checksum).
import type { Scenario } from '../../support/differential'
import { BELONGS_TO } from './belongs-to'
import { BUILDER_FORMS } from './builder-forms'
import { ERRORS } from './errors'
import { ON_QUERY } from './on-query'
import { PRELOADS } from './preload'
import { RELATED } from './related'
import { STARTS } from './starts'
import { SUBQUERIES } from './subqueries'

export const ALL_SCENARIOS: Scenario[] = [
  ...STARTS,
  ...RELATED,
  ...PRELOADS,
  ...SUBQUERIES,
  ...ERRORS,
  ...BUILDER_FORMS,
  ...ON_QUERY,
  ...BELONGS_TO,
]
