// Query plans on a real PostgreSQL server (support/server-explain.ts).
import { serverExplain } from '../support/server-explain'

serverExplain('pg')
