// The whole differential suite on a real PostgreSQL: real Lucid with client 'pg' and the engine's
// PostgresExecutor on the same freshly created database, compared statement by statement.
import { BELONGS_TO } from '../differential/scenarios/belongs-to'
import { BUILDER_FORMS } from '../differential/scenarios/builder-forms'
import { ERRORS } from '../differential/scenarios/errors'
import { MANY_TO_MANY } from '../differential/scenarios/many-to-many'
import { ON_QUERY } from '../differential/scenarios/on-query'
import { PRELOADS } from '../differential/scenarios/preload'
import { RELATED } from '../differential/scenarios/related'
import { STARTS } from '../differential/scenarios/starts'
import { SUBQUERIES } from '../differential/scenarios/subqueries'
import { differential } from '../support/differential'
import { serverTarget } from '../support/server-target'

differential('postgres: starts', STARTS, serverTarget('pg'))
differential('postgres: related queries', RELATED, serverTarget('pg'))
differential('postgres: preloads', PRELOADS, serverTarget('pg'))
differential('postgres: subqueries', SUBQUERIES, serverTarget('pg'))
differential('postgres: errors', ERRORS, serverTarget('pg'))
differential('postgres: builder forms', BUILDER_FORMS, serverTarget('pg'))
differential('postgres: onQuery hooks', ON_QUERY, serverTarget('pg'))
differential('postgres: belongsTo relations', BELONGS_TO, serverTarget('pg'))
differential('postgres: manyToMany relations', MANY_TO_MANY, serverTarget('pg'))
