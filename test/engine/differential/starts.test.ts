// Differential suite: how a chain starts (model statics) and the plain model query.
import { differential } from '../support/differential'
import { STARTS } from './scenarios/starts'

differential('starts', STARTS)
