// Differential suite where real Lucid throws: the engine must fail with the same message.
import { differential } from '../support/differential'
import { ERRORS } from './scenarios/errors'

differential('errors', ERRORS)
