import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DatabaseError, TidemarkError } from '../errors.js'
import { API_ROUTES, type StudioContext } from './api-routes.js'
import { studioPage } from './page.js'
import { refusal } from './request-guard.js'
import { StudioRequestError } from './studio-request-error.js'

export interface StudioOptions {
  /** 0 (the default) lets the system pick a free port. */
  readonly port?: number
}

export interface RunningStudio {
  /** The page's address, token included: the only way in. */
  readonly url: string
  readonly port: number
  readonly token: string
  /** Stops the server (the database stays open: its owner closes it). */
  close(): Promise<void>
}

const MAX_BODY = 1024 * 1024

// The token travels in the URL, so no page the studio shows may pass it on in a Referer; nothing
// is loaded from elsewhere, and no other site may frame it.
const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
}
const PAGE_POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'"

/**
 * Starts the studio's web server on 127.0.0.1 with a new random token. Serves one self-contained
 * page and a JSON API over the live database in `context`.
 */
export async function startStudio(
  context: StudioContext,
  options: StudioOptions = {},
): Promise<RunningStudio> {
  const token = randomBytes(24).toString('base64url')
  const server = createServer((request, response) => {
    handle(context, token, request, response).catch((error: unknown) => {
      sendJson(response, 500, { error: { message: (error as Error).message } })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

async function handle(
  context: StudioContext,
  token: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1')
  const refused = refusal(request, url, token)
  if (refused !== null) {
    sendJson(response, 403, { error: { message: refused } })
    request.resume()
    return
  }
  const method = request.method ?? 'GET'
  if (method === 'GET' && url.pathname === '/') {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_POLICY,
    })
    response.end(studioPage())
    return
  }
  const route = API_ROUTES[`${method} ${url.pathname}`]
  if (route === undefined) {
    sendJson(response, 404, { error: { message: `No such page or API: ${method} ${url.pathname}` } })
    request.resume()
    return
  }
  try {
    const body = method === 'POST' ? await readJsonBody(request) : undefined
    sendJson(response, 200, await route(context, { method, url, body }))
  } catch (error) {
    const { status, payload } = errorResponse(error)
    sendJson(response, status, payload)
  }
}

/** A database's refusal (a constraint, a value of the wrong type) is the user's to fix: 409 with its words. */
function errorResponse(error: unknown): { status: number; payload: unknown } {
  if (error instanceof StudioRequestError)
    return { status: error.status, payload: { error: { message: error.message } } }
  if (error instanceof DatabaseError) {
    return {
      status: 409,
      payload: {
        error: {
          message: error.message,
          code: error.code,
          kind: error.kind,
          detail: error.detail ?? null,
          constraint: error.constraint ?? null,
        },
      },
    }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { status: error instanceof TidemarkError ? 422 : 500, payload: { error: { message } } }
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  if (!(request.headers['content-type'] ?? '').startsWith('application/json'))
    throw new StudioRequestError(415, 'Send the body as application/json.')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY) throw new StudioRequestError(413, 'The request body is too large.')
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new StudioRequestError(400, 'The request body is not valid JSON.')
  }
}

function sendJson(response: ServerResponse, status: number, payload: unknown): void {
  if (response.headersSent) {
    response.end()
    return
  }
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(payload))
}
