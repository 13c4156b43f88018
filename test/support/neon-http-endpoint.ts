/**
 * A loopback stand-in for Neon's SQL-over-HTTP endpoint, so the `neon(url)` query function of
 * `@neondatabase/serverless` can reach a local PostgreSQL server the way it reaches Neon. It speaks
 * the protocol the driver uses and runs every statement on the real server through node-postgres:
 *
 * - POST /sql with the `Neon-Connection-String` header; its user, password and database open the
 *   session, always on the one server given here (never a host the request names).
 * - Body `{ query, params }`: one statement, extended protocol (so one statement per request, as on
 *   Neon), parameters as text. Body `{ queries: [...] }`: a batch run in one transaction, with the
 *   `Neon-Batch-Isolation-Level`, `Neon-Batch-Read-Only` and `Neon-Batch-Deferrable` headers,
 *   committed when every statement succeeds and rolled back as a whole when one fails.
 * - Values are the server's text (`Neon-Raw-Text-Output: true`, the only output this stand-in
 *   offers); rows are arrays with `Neon-Array-Mode: true` (or `arrayMode` per query), else objects.
 * - A failed statement answers 400 with the server's error fields (`code`, `detail`, `position`...).
 *
 * Each request gets a session of its own: pooled connections are reset (DISCARD ALL) before reuse.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { neonConfig } from '@neondatabase/serverless'
import pg from 'pg'

export interface NeonHttpEndpoint {
  /** `http://127.0.0.1:<port>/sql`, the value for neonConfig.fetchEndpoint. */
  readonly url: string
  /** Requests answered so far, for tests that count round trips. */
  readonly requests: number
  close(): Promise<void>
}

let shared: { endpoint: Promise<NeonHttpEndpoint>; users: number } | undefined

/**
 * Points Neon's HTTP query function (its global neonConfig.fetchEndpoint) at a stand-in endpoint for
 * `server`'s host and port. One endpoint serves the whole test file; the returned release closes it
 * after the last user.
 */
export async function useNeonHttpEndpoint(server: URL): Promise<{
  endpoint: NeonHttpEndpoint
  release: () => Promise<void>
}> {
  shared ??= {
    endpoint: startNeonHttpEndpoint({ host: server.hostname, port: Number(server.port || 5432) }),
    users: 0,
  }
  const current = shared
  current.users++
  const endpoint = await current.endpoint
  neonConfig.fetchEndpoint = () => endpoint.url
  return {
    endpoint,
    release: async () => {
      if (--current.users > 0) return
      if (shared === current) shared = undefined
      await endpoint.close()
    },
  }
}

const isolationLevels: Record<string, string> = {
  ReadUncommitted: 'READ UNCOMMITTED',
  ReadCommitted: 'READ COMMITTED',
  RepeatableRead: 'REPEATABLE READ',
  Serializable: 'SERIALIZABLE',
}

/** The error fields the endpoint reports, in its names (node-postgres uses the same ones). */
const errorFields = [
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'severity',
  'where',
  'table',
  'column',
  'schema',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
] as const

interface Statement {
  readonly query: string
  readonly params: (string | null)[]
  readonly arrayMode: boolean | undefined
}

/** A request the endpoint refuses before running anything (HTTP 400, no SQLSTATE). */
class BadRequest extends Error {}

const keepText = (value: string) => value
const textTypes = { getTypeParser: () => keepText } as unknown as pg.CustomTypesConfig

export async function startNeonHttpEndpoint(server: {
  host: string
  port: number
}): Promise<NeonHttpEndpoint> {
  const pools = new Map<string, pg.Pool>()
  let requests = 0

  const poolFor = (connectionString: string): pg.Pool => {
    let url: URL
    try {
      url = new URL(connectionString)
    } catch {
      throw new BadRequest('Neon-Connection-String is not a valid URL')
    }
    const database = decodeURIComponent(url.pathname.slice(1))
    const user = decodeURIComponent(url.username)
    if (!database || !user) throw new BadRequest('Neon-Connection-String needs a user and a database')
    const password = decodeURIComponent(url.password)
    const key = JSON.stringify([user, password, database])
    let pool = pools.get(key)
    if (pool === undefined) {
      pool = new pg.Pool({ host: server.host, port: server.port, user, password, database, max: 4 })
      // A dropped test database ends its idle connections; the pool then opens new ones when asked.
      pool.on('error', () => {})
      pools.set(key, pool)
    }
    return pool
  }

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    requests++
    if (request.method !== 'POST' || new URL(request.url ?? '/', 'http://x').pathname !== '/sql') {
      reply(response, 404, { message: 'Not found: the endpoint is POST /sql' })
      return
    }
    let session: pg.PoolClient | undefined
    let broken = false
    try {
      const header = (name: string) => {
        const value = request.headers[name.toLowerCase()]
        return Array.isArray(value) ? value[0] : value
      }
      const connectionString = header('Neon-Connection-String')
      if (connectionString === undefined) throw new BadRequest('missing the Neon-Connection-String header')
      if (header('Neon-Raw-Text-Output') !== 'true')
        throw new BadRequest('this endpoint only answers with raw text output (Neon-Raw-Text-Output: true)')
      const defaultArrayMode = header('Neon-Array-Mode') === 'true'
      const isolation = header('Neon-Batch-Isolation-Level')
      if (isolation !== undefined && !Object.hasOwn(isolationLevels, isolation))
        throw new BadRequest('invalid isolation level')
      const body = parseBody(await readBody(request))
      session = await poolFor(connectionString).connect()
      const run = (statement: Statement) => runStatement(session!, statement, defaultArrayMode)
      if ('queries' in body) {
        const modes = [
          isolation === undefined ? '' : ` ISOLATION LEVEL ${isolationLevels[isolation]}`,
          header('Neon-Batch-Read-Only') === 'true' ? ' READ ONLY' : '',
          header('Neon-Batch-Deferrable') === 'true' ? ' DEFERRABLE' : '',
        ].join('')
        await session.query(`BEGIN${modes}`)
        const results: unknown[] = []
        try {
          for (const statement of body.queries) results.push(await run(statement))
        } catch (error) {
          await session.query('ROLLBACK').catch(() => {
            broken = true
          })
          throw error
        }
        await session.query('COMMIT')
        reply(response, 200, { results })
      } else {
        reply(response, 200, await run(body))
      }
    } catch (error) {
      if (error instanceof BadRequest) reply(response, 400, { message: error.message })
      else if (error instanceof pg.DatabaseError) reply(response, 400, errorBody(error))
      else {
        broken = true
        reply(response, 500, { message: error instanceof Error ? error.message : String(error) })
      }
    } finally {
      if (session !== undefined) {
        // The next request must find a fresh session, as on Neon: no temporary tables, settings
        // or open transaction carried over. A session that cannot be reset is dropped instead.
        if (!broken) await session.query('DISCARD ALL').catch(() => (broken = true))
        session.release(broken)
      }
    }
  }

  const http = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy())
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/sql`,
    get requests() {
      return requests
    },
    close: async () => {
      http.closeAllConnections()
      await new Promise<void>((resolve, reject) => http.close((error) => (error ? reject(error) : resolve())))
      await Promise.all([...pools.values()].map((pool) => pool.end()))
    },
  }
}

async function runStatement(
  session: pg.PoolClient,
  statement: Statement,
  defaultArrayMode: boolean,
): Promise<Record<string, unknown>> {
  const arrayMode = statement.arrayMode ?? defaultArrayMode
  const result = await session.query<(string | null)[]>({
    text: statement.query,
    values: statement.params,
    rowMode: 'array',
    // Neon runs each statement as a prepared (unnamed) statement: one statement, never a script.
    queryMode: 'extended',
    types: textTypes,
  } as pg.QueryArrayConfig)
  const names = result.fields.map((field) => field.name)
  return {
    rowAsArray: arrayMode,
    fields: result.fields.map((field) => ({
      name: field.name,
      dataTypeID: field.dataTypeID,
      tableID: field.tableID,
      columnID: field.columnID,
      dataTypeSize: field.dataTypeSize,
      dataTypeModifier: field.dataTypeModifier,
      format: 'text',
    })),
    rows: arrayMode
      ? result.rows
      : result.rows.map((row) => Object.fromEntries(row.map((value, i) => [names[i], value]))),
    command: result.command,
    rowCount: result.rowCount,
  }
}

function errorBody(error: pg.DatabaseError): Record<string, unknown> {
  const body: Record<string, unknown> = { message: error.message }
  for (const field of errorFields) body[field] = (error as unknown as Record<string, unknown>)[field] ?? null
  return body
}

function parseBody(text: string): Statement | { queries: Statement[] } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new BadRequest('the request body is not JSON')
  }
  if (isObject(json) && Array.isArray(json.queries)) return { queries: json.queries.map(toStatement) }
  return toStatement(json)
}

function toStatement(json: unknown): Statement {
  if (!isObject(json) || typeof json.query !== 'string')
    throw new BadRequest('expected { query, params } or { queries: [{ query, params }...] }')
  const params = json.params ?? []
  if (!Array.isArray(params)) throw new BadRequest('params must be an array')
  return {
    query: json.query,
    params: params.map(toParamText),
    arrayMode: typeof json.arrayMode === 'boolean' ? json.arrayMode : undefined,
  }
}

/** A JSON parameter as PostgreSQL text, as the endpoint converts it (the driver sends text already). */
function toParamText(value: unknown): string | null {
  if (value === null || typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (isObject(value)) return JSON.stringify(value)
  throw new BadRequest('this endpoint takes parameters as text, numbers, booleans, objects or null')
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  })
  response.end(text)
}
