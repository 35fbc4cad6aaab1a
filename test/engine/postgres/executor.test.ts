// The postgres executor on a real server: row cap, timeout, cancellation, errors and safety.
import { serverSuites } from '../support/server-suites'

serverSuites('pg')
