// Injection attempts at every interpolated position, on the SQLite fixture (support/injection-suite.ts).
import { injectionSuite } from './support/injection-suite'
import { sqliteTarget } from './support/differential'

injectionSuite('injection on SQLite', sqliteTarget, '`')
