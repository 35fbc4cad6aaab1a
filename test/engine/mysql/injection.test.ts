// Injection attempts at every interpolated position, on a real MySQL/MariaDB (support/injection-suite.ts).
import { injectionSuite } from '../support/injection-suite'
import { serverTarget } from '../support/server-target'
import { writeInjectionSuite } from '../support/write-injection-suite'
import { serverWriteTarget } from '../support/server-write-target'

injectionSuite('injection on MySQL/MariaDB', serverTarget('mysql2'), '`')

writeInjectionSuite('injection in dry-run writes on MySQL/MariaDB', serverWriteTarget('mysql2'), '`')
