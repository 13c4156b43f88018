import { NextResponse } from 'next/server'
import { TaskChanges } from '../../../../db/validation'
import { isTaskId, problem, readBody, requireUser } from '../../../../lib/http'
import { deleteTask, findTask, updateTask } from '../../../../lib/tasks'

interface Context {
  params: Promise<{ id: string }>
}

// Another user's task is "not found": row-level security hides it, so the app cannot tell.
const notFound = () => problem(404, 'No such task')

/** GET /api/tasks/:id → the task. */
export async function GET(request: Request, context: Context): Promise<NextResponse> {
  const userId = await requireUser(request)
  if (userId instanceof NextResponse) return userId
  const { id } = await context.params
  const task = isTaskId(id) ? await findTask(userId, id) : undefined
  return task ? NextResponse.json(task) : notFound()
}

/** PATCH /api/tasks/:id `{ title?, done?, dueOn? }` → the changed task. */
export async function PATCH(request: Request, context: Context): Promise<NextResponse> {
  const userId = await requireUser(request)
  if (userId instanceof NextResponse) return userId
  const { id } = await context.params
  if (!isTaskId(id)) return notFound()
  const changes = await readBody(request, TaskChanges)
  if (changes instanceof NextResponse) return changes
  const task = await updateTask(userId, id, changes)
  return task ? NextResponse.json(task) : notFound()
}

/** DELETE /api/tasks/:id → 204. */
export async function DELETE(request: Request, context: Context): Promise<NextResponse> {
  const userId = await requireUser(request)
  if (userId instanceof NextResponse) return userId
  const { id } = await context.params
  const deleted = isTaskId(id) && (await deleteTask(userId, id))
  return deleted ? new NextResponse(null, { status: 204 }) : notFound()
}
