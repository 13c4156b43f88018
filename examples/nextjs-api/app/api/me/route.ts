import { NextResponse } from 'next/server'
import { requireUser } from '../../../lib/http'
import { currentUser } from '../../../lib/tasks'

/** GET /api/me → the signed-in user. */
export async function GET(request: Request): Promise<NextResponse> {
  const userId = await requireUser(request)
  if (userId instanceof NextResponse) return userId
  return NextResponse.json(await currentUser(userId))
}
