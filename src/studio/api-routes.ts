import type { Queryable } from '../database/database.js'
import type { CheckReport } from '../migrate/check/check.js'
import type { JournalOptions } from '../migrate/runner/journal.js'
import { readMigrationsView } from './migrations-view.js'
import { MAX_PAGE, readRows, updateCell } from './rows.js'
import { readSchemaView, type TableView } from './schema-view.js'
import { StudioRequestError } from './studio-request-error.js'

/** What the studio's API reads: the live database and the project's settings. */
export interface StudioContext {
  readonly db: Queryable
  readonly migrations: string
  readonly journal: JournalOptions
  readonly schemas: readonly string[] | undefined
  /** Runs `tidemark check` against the live database, as the command does. */
  readonly check: () => Promise<CheckReport>
}

export interface ApiRequest {
  readonly method: string
  readonly url: URL
  /** The parsed JSON body of a POST, or undefined. */
  readonly body: unknown
}

type Route = (context: StudioContext, request: ApiRequest) => Promise<unknown>

/** `METHOD /path` to the handler that answers it with a JSON document. */
export const API_ROUTES: Readonly<Record<string, Route>> = {
  'GET /api/schema': async (context) => (await readSchemaView(context.db, context)).view,
  'GET /api/migrations': async (context) => ({ migrations: await readMigrationsView(context.db, context) }),
  'GET /api/check': async (context) => context.check(),
  'GET /api/rows': async (context, request) => {
    const table = await findTable(context, request.url.searchParams.get('table'))
    const offset = integerParam(request.url, 'offset', 0)
    const limit = Math.min(integerParam(request.url, 'limit', 50), MAX_PAGE)
    return readRows(context.db, table, { offset, limit })
  },
  'POST /api/rows/update': async (context, request) => {
    const body = request.body as Record<string, unknown> | undefined
    if (body === undefined || typeof body !== 'object' || body === null)
      throw new StudioRequestError(400, 'Send a JSON object: { table, key, column, value }.')
    const table = await findTable(context, typeof body.table === 'string' ? body.table : null)
    const value = body.value
    if (value !== null && typeof value !== 'string')
      throw new StudioRequestError(400, 'value must be a string (PostgreSQL text form) or null.')
    if (typeof body.column !== 'string') throw new StudioRequestError(400, 'column must be a column name.')
    const key = body.key
    if (typeof key !== 'object' || key === null) throw new StudioRequestError(400, 'key must be an object.')
    const row = await updateCell(context.db, table, {
      key: key as Record<string, string | null>,
      column: body.column,
      value,
    })
    return { row }
  },
}

/** The table a request names as `schema.table`, looked up in the live catalog (never trusted as SQL). */
async function findTable(context: StudioContext, key: string | null): Promise<TableView> {
  if (key === null || key === '') throw new StudioRequestError(400, 'Name the table: ?table=schema.name.')
  const { view } = await readSchemaView(context.db, context)
  const table = view.tables.find((t) => t.key === key)
  if (table === undefined) throw new StudioRequestError(404, `There is no table '${key}' in the database.`)
  return table
}

function integerParam(url: URL, name: string, fallback: number): number {
  const text = url.searchParams.get(name)
  if (text === null || text === '') return fallback
  if (!/^\d{1,9}$/.test(text)) throw new StudioRequestError(400, `${name} must be a whole number ≥ 0.`)
  return Number(text)
}
