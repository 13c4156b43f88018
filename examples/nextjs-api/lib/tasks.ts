import { asc, desc, eq } from 'tidemark'
import { asUser } from '../db/database'
import { tasks, users } from '../db/schema'
import type { NewTask, Task, TaskChanges } from '../db/validation'

/**
 * What the app does with tasks, shared by the route handlers, the server actions and the seed
 * script. Each function runs as the user, so no query here filters by owner: the policies do.
 */

const taskColumns = {
  id: tasks.id,
  title: tasks.title,
  done: tasks.done,
  dueOn: tasks.dueOn,
  createdAt: tasks.createdAt,
}

export function listTasks(userId: string): Promise<Task[]> {
  return asUser(userId, async (tx) =>
    tx.select(taskColumns).from(tasks).orderBy(asc(tasks.done), desc(tasks.createdAt), asc(tasks.id)),
  )
}

export function findTask(userId: string, id: string): Promise<Task | undefined> {
  return asUser(userId, async (tx) => {
    const [task] = await tx.select(taskColumns).from(tasks).where(eq(tasks.id, id))
    return task
  })
}

export function createTask(userId: string, task: NewTask): Promise<Task> {
  return asUser(userId, async (tx) => {
    const [created] = await tx
      .insert(tasks)
      .values({ ...task, ownerId: userId })
      .returning(taskColumns)
    return created!
  })
}

/** The changed task, or undefined when the user has no task with this id. */
export function updateTask(userId: string, id: string, changes: TaskChanges): Promise<Task | undefined> {
  return asUser(userId, async (tx) => {
    const [updated] = await tx.update(tasks).set(changes).where(eq(tasks.id, id)).returning(taskColumns)
    return updated
  })
}

/** Whether the user had a task with this id to delete. */
export function deleteTask(userId: string, id: string): Promise<boolean> {
  return asUser(userId, async (tx) => {
    const deleted = await tx.delete(tasks).where(eq(tasks.id, id)).returning({ id: tasks.id })
    return deleted.length > 0
  })
}

/** The signed-in user's own row: the only one the policy on users lets them read. */
export function currentUser(userId: string): Promise<{ id: string; email: string; displayName: string }> {
  return asUser(userId, async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, displayName: users.displayName })
      .from(users)
    return user!
  })
}
