import { NextResponse } from 'next/server'
import * as z from 'zod'
import { describeIssues } from '../db/validation'
import { bearerToken, userIdForToken } from './auth'

/** An error response: `{ error: message }` with its status. */
export function problem(status: number, message: string): NextResponse {
  return NextResponse.json({ error: message }, { status })
}

/** The signed-in user's id, or a 401 response to return. */
export async function requireUser(request: Request): Promise<string | NextResponse> {
  const userId = await userIdForToken(bearerToken(request))
  return (
    userId ?? problem(401, 'Sign in first: send Authorization: Bearer <token> (POST /api/signup gives one).')
  )
}

/** The request's JSON body checked by a schema, or a 400 response naming each problem. */
export async function readBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.infer<S> | NextResponse> {
  let body: unknown
  try {
    body = await request.json()
  } catch {
    return problem(400, 'The request body must be JSON.')
  }
  const parsed = schema.safeParse(body)
  return parsed.success ? parsed.data : problem(400, describeIssues(parsed.error))
}

const TaskId = z.uuid()

/** Whether a route parameter can be a task id (anything else is simply not found). */
export function isTaskId(id: string): boolean {
  return TaskId.safeParse(id).success
}
