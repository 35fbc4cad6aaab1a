// The whole differential suite on a real MySQL/MariaDB: real Lucid with client 'mysql2' and the engine's
// MysqlExecutor on the same freshly created database, compared statement by statement.
import { serverDifferentials } from '../support/server-differentials'

serverDifferentials('mysql2', 'mysql')
