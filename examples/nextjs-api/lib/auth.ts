import { createHash, randomBytes } from 'node:crypto'
import { eq } from 'tidemark'
import { database } from '../db/database'
import { users } from '../db/schema'

/**
 * API tokens: a user signs up, gets a random token once, and sends it as `Authorization: Bearer
 * <token>` (the web page keeps it in a cookie). Only its hash is stored. Swap this file for your
 * identity provider: what the rest of the app needs is the user's id.
 */

export const TOKEN_COOKIE = 'token'

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * The id of the user a token belongs to, or undefined. This lookup runs as the tables' owner, before
 * any user is known; everything after it runs as that user (see asUser).
 */
export async function userIdForToken(token: string | undefined): Promise<string | undefined> {
  if (!token) return undefined
  const db = await database()
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.tokenHash, hashToken(token)))
  return user?.id
}

/** The bearer token of a request to the API. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization') ?? ''
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match?.[1]
}
