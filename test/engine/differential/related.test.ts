// Differential suite: `related(name).query()` reads and `instance.load()` (lucid-hasmany.md 4.1, 4.2).
import { differential } from '../support/differential'
import { RELATED } from './scenarios/related'

differential('related queries', RELATED)
