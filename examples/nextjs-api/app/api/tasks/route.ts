import { NextResponse } from 'next/server'
import { NewTask } from '../../../db/validation'
import { readBody, requireUser } from '../../../lib/http'
import { createTask, listTasks } from '../../../lib/tasks'

/** GET /api/tasks → the signed-in user's tasks, open ones first. */
export async function GET(request: Request): Promise<NextResponse> {
  const userId = await requireUser(request)
  if (userId instanceof NextResponse) return userId
  return NextResponse.json(await listTasks(userId))
}

/** POST /api/tasks `{ title, dueOn? }` → 201 with the task. */
export async function POST(request: Request): Promise<NextResponse> {
  const userId = await requireUser(request)
  if (userId instanceof NextResponse) return userId
  const task = await readBody(request, NewTask)
  if (task instanceof NextResponse) return task
  return NextResponse.json(await createTask(userId, task), { status: 201 })
}
