// Injection attempts at every interpolated position, on the SQLite fixture (support/injection-suite.ts).
import { injectionSuite } from './support/injection-suite'
import { sqliteTarget } from './support/differential'
import { writeInjectionSuite } from './support/write-injection-suite'
import { sqliteWriteTarget } from './support/write-differential'

injectionSuite('injection on SQLite', sqliteTarget, '`')

writeInjectionSuite('injection in dry-run writes on SQLite', sqliteWriteTarget, '`')
