// Query plans on a real MySQL/MariaDB server (support/server-explain.ts).
import { serverExplain } from '../support/server-explain'

serverExplain('mysql2')
