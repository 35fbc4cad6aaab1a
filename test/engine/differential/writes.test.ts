// Differential suite for dry-run writes: real Lucid in a rolled-back transaction vs the engine.
import { writeDifferential } from '../support/write-differential'
import { QUERY_AND_MODEL_WRITES } from './scenarios/write-queries'
import { WRITE_ERRORS } from './scenarios/write-errors'
import { ON_QUERY_WRITES } from './scenarios/on-query'
import { RELATION_WRITES } from './scenarios/writes'

writeDifferential('dry-run writes', [
  ...RELATION_WRITES,
  ...ON_QUERY_WRITES,
  ...QUERY_AND_MODEL_WRITES,
  ...WRITE_ERRORS,
])
