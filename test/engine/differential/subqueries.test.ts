// Differential suite: relationship subqueries (lucid-hasmany.md 4.4): withCount, withAggregate,
import { differential } from '../support/differential'
import { SUBQUERIES } from './scenarios/subqueries'

differential('subqueries', SUBQUERIES)
