// Differential suite: relation onQuery hooks against real Lucid 21 (lucid-hasmany.md section 7).
import { differential } from '../support/differential'
import { ON_QUERY } from './scenarios/on-query'

differential('onQuery', ON_QUERY)
