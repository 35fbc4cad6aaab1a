// The whole differential suite on a real MySQL/MariaDB: real Lucid with client 'mysql2' and the engine's
// MysqlExecutor on the same freshly created database, compared statement by statement.
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

differential('mysql: starts', STARTS, serverTarget('mysql2'))
differential('mysql: related queries', RELATED, serverTarget('mysql2'))
differential('mysql: preloads', PRELOADS, serverTarget('mysql2'))
differential('mysql: subqueries', SUBQUERIES, serverTarget('mysql2'))
differential('mysql: errors', ERRORS, serverTarget('mysql2'))
differential('mysql: builder forms', BUILDER_FORMS, serverTarget('mysql2'))
differential('mysql: onQuery hooks', ON_QUERY, serverTarget('mysql2'))
differential('mysql: belongsTo relations', BELONGS_TO, serverTarget('mysql2'))
differential('mysql: manyToMany relations', MANY_TO_MANY, serverTarget('mysql2'))
