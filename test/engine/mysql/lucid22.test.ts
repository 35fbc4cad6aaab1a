// The groupLimit windows and every manyToMany scenario against real Lucid 22 on a real
// MySQL/MariaDB: the quoting of Lucid 22 in this dialect, statement by statement.
import { serverLucid22Differentials } from '../support/server-differentials'

serverLucid22Differentials('mysql2', 'mysql')
