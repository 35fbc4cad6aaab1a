// Turns driver errors (pg, mysql2) into PreviewErrors a user can act on: which server refused, which
// user or database, which table or column is missing, which limit stopped the query. Messages name
// the host and port but never the password.
import { PreviewError, type PreviewErrorCode } from '../query/errors'

/** Where a server connection points; used in messages only. */
export interface Endpoint {
  dialect: 'PostgreSQL' | 'MySQL'
  host: string
  port: number
  user: string
  database: string
}

/** What the database said, and the missing table or column when there is one. */
export interface DatabaseErrorDetail {
  table?: string | undefined
  column?: string | undefined
  /** The server's own message, unchanged (the app would see the same text). */
  server?: string | undefined
}

/** A failure reported by (or while reaching) the database. */
export class DatabaseError extends PreviewError {
  constructor(
    message: string,
    code: PreviewErrorCode,
    readonly detail: DatabaseErrorDetail = {},
  ) {
    super(message, code)
  }
}

interface DriverError {
  message: string
  code?: string | undefined
  errno?: number | undefined
}

function driverError(error: unknown): DriverError {
  if (error instanceof Error) return error as Error & DriverError
  return { message: String(error) }
}

/** Failures of reaching a server at all, the same for both drivers (Node socket codes). */
function networkFailure(error: DriverError, at: Endpoint): DatabaseError | undefined {
  const where = `${at.dialect} at ${at.host}:${at.port}`
  if (error.code === 'ECONNREFUSED')
    return new DatabaseError(
      `Cannot connect to ${where}: connection refused. Is the server running on that host and port?`,
      'E_CONNECTION',
    )
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN')
    return new DatabaseError(`Cannot connect to ${where}: the host "${at.host}" is unknown.`, 'E_CONNECTION')
  if (error.code === 'ETIMEDOUT' || /connection timeout|connect ETIMEDOUT/i.test(error.message))
    return new DatabaseError(`Cannot connect to ${where}: the connection timed out.`, 'E_CONNECTION')
  if (error.code === 'ECONNRESET' || /Connection terminated unexpectedly/i.test(error.message))
    return new DatabaseError(`The connection to ${where} was closed by the server.`, 'E_CONNECTION')
  return undefined
}

/** pg errors carry SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export function postgresError(raw: unknown, at: Endpoint, timeoutMs: number): PreviewError {
  if (raw instanceof PreviewError) return raw
  const error = driverError(raw)
  const network = networkFailure(error, at)
  if (network) return network
  const server = `PostgreSQL at ${at.host}:${at.port}`
  switch (error.code) {
    case '28P01':
    case '28000':
      return new DatabaseError(
        `${server} rejected the user "${at.user}": ${error.message}. Check the user and its password.`,
        'E_ACCESS_DENIED',
        { server: error.message },
      )
    case '3D000':
      return new DatabaseError(
        `The database "${at.database}" does not exist on ${server}.`,
        'E_UNKNOWN_DATABASE',
      )
    case '42P01': {
      const table = /relation "([^"]+)"/.exec(error.message)?.[1]
      return missingTable(table ?? '?', error.message)
    }
    case '42703': {
      const match = /column "?(?:([^".\s]+)\.)?([^".\s]+)"? (?:of relation "([^"]+)" )?does not exist/.exec(
        error.message,
      )
      return missingColumn(match?.[2] ?? '?', match?.[1] ?? match?.[3], error.message)
    }
    case '25006':
      return new DatabaseError(`Only read statements run in previews (${error.message}).`, 'E_READ_ONLY', {
        server: error.message,
      })
    case '57014':
      return timeout(timeoutMs, 'statement_timeout')
  }
  if (/password must be a string|password authentication/i.test(error.message))
    return new DatabaseError(
      `${server} asks for a password for the user "${at.user}" and none was given.`,
      'E_ACCESS_DENIED',
    )
  return new DatabaseError(error.message, 'E_DATABASE', { server: error.message })
}

/** mysql2 errors carry MySQL/MariaDB error numbers and `ER_*` codes. */
export function mysqlError(raw: unknown, at: Endpoint, timeoutMs: number): PreviewError {
  if (raw instanceof PreviewError) return raw
  const error = driverError(raw)
  const network = networkFailure(error, at)
  if (network) return network
  const server = `MySQL at ${at.host}:${at.port}`
  switch (error.errno) {
    case 1045:
    case 1044:
      return new DatabaseError(
        `${server} rejected the user "${at.user}": ${error.message}`,
        'E_ACCESS_DENIED',
        {
          server: error.message,
        },
      )
    case 1049:
      return new DatabaseError(
        `The database "${at.database}" does not exist on ${server}.`,
        'E_UNKNOWN_DATABASE',
      )
    case 1146: {
      const table = /Table '(?:[^'.]+\.)?([^']+)' doesn't exist/.exec(error.message)?.[1]
      return missingTable(table ?? '?', error.message)
    }
    case 1054: {
      const match = /Unknown column '(?:([^'.]+)\.)?([^']+)'/.exec(error.message)
      return missingColumn(match?.[2] ?? '?', match?.[1], error.message)
    }
    case 1792:
      return new DatabaseError(`Only read statements run in previews (${error.message}).`, 'E_READ_ONLY', {
        server: error.message,
      })
    case 1969: // MariaDB ER_STATEMENT_TIMEOUT
      return timeout(timeoutMs, 'max_statement_time')
    case 3024: // MySQL ER_QUERY_TIMEOUT
      return timeout(timeoutMs, 'max_execution_time')
  }
  return new DatabaseError(error.message, 'E_DATABASE', { server: error.message })
}

export function missingTable(table: string, serverMessage: string): DatabaseError {
  return new DatabaseError(`The table "${table}" does not exist (${serverMessage}).`, 'E_NO_SUCH_TABLE', {
    table,
    server: serverMessage,
  })
}

export function missingColumn(
  column: string,
  table: string | undefined,
  serverMessage: string,
): DatabaseError {
  const name = table ? `${table}.${column}` : column
  return new DatabaseError(`The column "${name}" does not exist (${serverMessage}).`, 'E_NO_SUCH_COLUMN', {
    table,
    column,
    server: serverMessage,
  })
}

export function timeout(ms: number, setting: string): DatabaseError {
  return new DatabaseError(`The query took longer than ${ms} ms (${setting}) and was stopped.`, 'E_TIMEOUT')
}

export function cancelled(): DatabaseError {
  return new DatabaseError('The preview was cancelled; the running query was stopped.', 'E_CANCELLED')
}
