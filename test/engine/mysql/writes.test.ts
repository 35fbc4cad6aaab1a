// Dry-run writes differentially on a real mysql server: real Lucid in a transaction it rolls back vs the
// engine's dry run on the same database, with the rows checksummed before and after.
import { ON_QUERY_WRITES } from '../differential/scenarios/on-query'
import { QUERY_AND_MODEL_WRITES } from '../differential/scenarios/write-queries'
import { WRITE_ERRORS } from '../differential/scenarios/write-errors'
import { RELATION_WRITES } from '../differential/scenarios/writes'
import { serverWriteTarget, serverWriteWarnings } from '../support/server-write-target'
import { writeDifferential } from '../support/write-differential'

writeDifferential(
  'mysql: dry-run writes',
  [...RELATION_WRITES, ...ON_QUERY_WRITES, ...QUERY_AND_MODEL_WRITES, ...WRITE_ERRORS],
  serverWriteTarget('mysql2'),
  serverWriteWarnings,
)
