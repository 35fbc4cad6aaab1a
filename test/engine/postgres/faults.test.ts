// Unresponsive server, lock waits and odd column names on a real PostgreSQL (support/server-faults.ts).
import { serverFaults } from '../support/server-faults'

serverFaults('pg')
