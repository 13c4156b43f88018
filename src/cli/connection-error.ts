import { redactUrl } from '../migrate/replay/shadow.js'

/**
 * Checks that a database URL can be one before anything connects: a typo should not surface as a
 * DNS failure for a host named after half the string.
 */
export function urlProblem(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    // Not echoed: a string that does not parse cannot have its password hidden.
    return 'The database URL is not a valid URL. Expected postgres://user:password@host:5432/database (--url, databaseUrl or DATABASE_URL).'
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    return `${redactUrl(url)} is not a PostgreSQL URL: it must start with postgres:// or postgresql://.`
  }
  return undefined
}

/** One or two lines for a failed connection: what happened, where, and what to check. */
export function describeConnectionError(error: unknown, url: string): string {
  const where = hostAndPort(url)
  const code = errorCode(error)
  const reason = firstLine(error)
  switch (code) {
    case 'ECONNREFUSED':
      return `Cannot reach the PostgreSQL server at ${where}: connection refused. Is it running, and is the port right? (--url, databaseUrl or DATABASE_URL)`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach the PostgreSQL server at ${where}: the host name does not resolve. Check the host in the URL.`
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `Cannot reach the PostgreSQL server at ${where}: ${reason}. Check the host, the port and any firewall between.`
    case '28P01':
    case '28000':
      return `The server at ${where} refused the login: ${reason}. Check the user and password in the URL.`
    case '3D000':
      return `${capitalized(reason)} on the server at ${where}. Create it, or fix the database name in the URL.`
    case '42501':
      return `The server at ${where} denied access: ${reason}. The URL's user needs the CONNECT privilege on the database.`
    default:
      return `Cannot connect to ${redactUrl(url)}: ${reason}. Check the URL (--url, databaseUrl or DATABASE_URL) and that the server is up.`
  }
}

function hostAndPort(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`
  } catch {
    return 'the configured URL'
  }
}

/** The SQLSTATE or system error code, looking through wrappers (`cause`, AggregateError). */
function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth++) {
    const record = e as { code?: unknown; errors?: unknown; cause?: unknown }
    if (typeof record.code === 'string') return record.code
    e = Array.isArray(record.errors) ? record.errors[0] : record.cause
  }
  return undefined
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return (message.split('\n')[0] ?? '').replace(/\.$/, '') || 'unknown error'
}
