// Injection attempts at every interpolated position, on a real MySQL/MariaDB (support/injection-suite.ts).
import { injectionSuite } from '../support/injection-suite'
import { serverTarget } from '../support/server-target'

injectionSuite('injection on MySQL/MariaDB', serverTarget('mysql2'), '`')
