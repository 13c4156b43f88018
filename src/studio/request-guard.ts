import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** The header the page sends the token in (the first page load carries it in the URL instead). */
export const TOKEN_HEADER = 'x-tidemark-token'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Why a request must be refused, or null to serve it. The server listens on loopback only, yet a
 * web page elsewhere could still reach it through a hostname that resolves to 127.0.0.1 (DNS
 * rebinding): its Host header then names that hostname, so anything but a loopback Host is refused.
 * Every request must also carry the random token printed with the URL.
 */
export function refusal(request: IncomingMessage, url: URL, token: string): string | null {
  const host = request.headers.host ?? ''
  const hostname = host.replace(/:\d+$/, '').toLowerCase()
  if (!LOOPBACK_HOSTS.has(hostname))
    return `Host '${host}' is not a loopback address: open the studio at the URL it printed.`
  const header = request.headers[TOKEN_HEADER]
  const given = typeof header === 'string' ? header : (url.searchParams.get('token') ?? '')
  if (!sameText(given, token))
    return 'Missing or wrong token: open the studio at the URL it printed, token included.'
  return null
}

/** Compares in constant time, so the token cannot be guessed a character at a time from timings. */
function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
