import type { PGliteInterface } from '@electric-sql/pglite'
import type { RawResult } from '../database/driver.js'
import { toDatabaseError } from '../database/driver-error.js'
import { extendedQueryMessages } from './wire-messages.js'
import { readResponse, type WireNotification } from './wire-results.js'

/**
 * Queries through PGlite's protocol entry point: Tidemark writes the extended-protocol messages
 * itself and reads the raw response, so PGlite neither re-serializes parameters nor parses
 * results (its query() merges a ~320-entry parser table on every call and makes five protocol
 * round trips). The values are the server's text either way.
 *
 * The methods used are the ones PGlite's own query() is built on: execProtocolRawStream, which
 * hands over the response bytes without parsing them or keeping them (execProtocolRaw also feeds
 * PGlite's parser, whose message list is never emptied), and the two locks that keep other
 * queries and transactions out. Instances without them (PGliteWorker, other implementations of
 * the interface) get undefined, and the adapter falls back to query().
 */
export type WireQuery = (
  sql: string,
  params: readonly (string | null)[],
  inTransaction: boolean,
) => Promise<RawResult>

interface ProtocolClient {
  waitReady: Promise<void>
  execProtocolRawStream(
    message: Uint8Array,
    options: { syncToFs?: boolean; onRawData: (chunk: Uint8Array) => void },
  ): Promise<void>
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>
  query(sql: string, params?: unknown[]): Promise<unknown>
}

export function wireQuery(client: PGliteInterface): WireQuery | undefined {
  const protocol = client as unknown as Partial<ProtocolClient>
  if (
    typeof protocol.execProtocolRawStream !== 'function' ||
    typeof protocol._runExclusiveQuery !== 'function' ||
    typeof protocol._runExclusiveTransaction !== 'function'
  ) {
    return undefined
  }
  const pglite = protocol as ProtocolClient

  return async (sql, params, inTransaction) => {
    const message = extendedQueryMessages(sql, params)
    await pglite.waitReady
    // Outside a transaction, wait for any transaction to end (PGlite has one connection) and
    // write the data directory through, as query() does; inside one, the transaction holds
    // that lock already and PGlite syncs at its end.
    const run = () => pglite._runExclusiveQuery(() => exchange(pglite, message, !inTransaction))
    const response = readResponse(inTransaction ? await run() : await pglite._runExclusiveTransaction(run))
    if (response.notifications.length > 0) await redeliver(pglite, response.notifications)
    if (response.error !== undefined) throw toDatabaseError(wireError(response.error), sql)
    return response.result
  }
}

async function exchange(client: ProtocolClient, message: Uint8Array, syncToFs: boolean): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let length = 0
  await client.execProtocolRawStream(message, {
    syncToFs,
    // The chunk is a view of the WebAssembly memory, reused by the next write: copy it.
    onRawData: (chunk) => {
      chunks.push(chunk.slice())
      length += chunk.length
    },
  })
  if (chunks.length === 1) return chunks[0]!
  const data = new Uint8Array(length)
  let at = 0
  for (const chunk of chunks) {
    data.set(chunk, at)
    at += chunk.length
  }
  return data
}

/**
 * A statement that notifies outside a transaction gets its NotificationResponse in its own
 * response, which only PGlite's parser hands to listen() callbacks. Sending the notification
 * again through PGlite's query() reaches them; notifications raised inside a transaction arrive
 * with its COMMIT, which PGlite runs itself.
 */
async function redeliver(client: ProtocolClient, notifications: readonly WireNotification[]): Promise<void> {
  for (const { channel, payload } of notifications) {
    await client.query('select pg_notify($1, $2)', [channel, payload])
  }
}

/** An Error carrying the ErrorResponse's fields, the shape toDatabaseError reads. */
function wireError(fields: Record<string, string>): Error {
  return Object.assign(new Error(fields.message ?? 'Database error'), fields)
}
