import { NextResponse } from 'next/server'
import { DatabaseError } from 'tidemark'
import { database } from '../../../db/database'
import { users } from '../../../db/schema'
import { SignUp } from '../../../db/validation'
import { hashToken, newToken } from '../../../lib/auth'
import { problem, readBody } from '../../../lib/http'

/** POST /api/signup `{ email, displayName }` → 201 `{ user, token }`; the token is shown only here. */
export async function POST(request: Request): Promise<NextResponse> {
  const body = await readBody(request, SignUp)
  if (body instanceof NextResponse) return body
  const token = newToken()
  try {
    const db = await database()
    const [user] = await db
      .insert(users)
      .values({ ...body, tokenHash: hashToken(token) })
      .returning({ id: users.id, email: users.email, displayName: users.displayName })
    return NextResponse.json({ user, token }, { status: 201 })
  } catch (error) {
    if (error instanceof DatabaseError && error.kind === 'unique_violation')
      return problem(409, 'email: a user with this email address exists already')
    throw error
  }
}
