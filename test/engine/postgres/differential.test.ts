// The whole differential suite on a real PostgreSQL: real Lucid with client 'pg' and the engine's
// PostgresExecutor on the same freshly created database, compared statement by statement.
import { serverDifferentials } from '../support/server-differentials'

serverDifferentials('pg', 'postgres')
