// Unresponsive server, lock waits and odd column names on a real MariaDB (support/server-faults.ts).
import { serverFaults } from '../support/server-faults'

serverFaults('mysql2')
