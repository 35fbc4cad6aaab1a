// Differential suite: eager loading with `preload` (lucid-hasmany.md 4.2, 4.3, 5).
import { differential } from '../support/differential'
import { PRELOADS } from './scenarios/preload'

differential('preloads', PRELOADS)
