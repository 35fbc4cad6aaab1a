// Dry runs on a real server never keep a change (support/server-dry-run-safety.ts).
import { serverDryRunSafety } from '../support/server-dry-run-safety'

serverDryRunSafety('mysql2')
