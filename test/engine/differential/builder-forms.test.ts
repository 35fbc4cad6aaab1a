// Differential suite: the less common argument forms of builder methods.
import { differential } from '../support/differential'
import { BUILDER_FORMS } from './scenarios/builder-forms'

differential('builder forms', BUILDER_FORMS)
