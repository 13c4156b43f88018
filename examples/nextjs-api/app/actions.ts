'use server'

import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { describeIssues, NewTask, TaskChanges } from '../db/validation'
import { TOKEN_COOKIE, userIdForToken } from '../lib/auth'
import { isTaskId } from '../lib/http'
import { createTask, updateTask } from '../lib/tasks'

/**
 * Server actions behind the page's forms. They validate with the same zod schemas as the API and
 * run as the signed-in user through the same functions.
 */

async function signedInUser(): Promise<string> {
  const userId = await userIdForToken((await cookies()).get(TOKEN_COOKIE)?.value)
  if (!userId) redirect('/?error=' + encodeURIComponent('Sign in with your token first'))
  return userId
}

export async function signIn(form: FormData): Promise<void> {
  const token = String(form.get('token') ?? '').trim()
  if (!(await userIdForToken(token)))
    redirect('/?error=' + encodeURIComponent('That token belongs to nobody'))
  ;(await cookies()).set(TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/' })
  redirect('/')
}

export async function signOut(): Promise<void> {
  ;(await cookies()).delete(TOKEN_COOKIE)
  redirect('/')
}

export async function addTask(form: FormData): Promise<void> {
  const userId = await signedInUser()
  const dueOn = String(form.get('dueOn') ?? '')
  const parsed = NewTask.safeParse({ title: form.get('title'), dueOn: dueOn === '' ? null : dueOn })
  if (!parsed.success) redirect('/?error=' + encodeURIComponent(describeIssues(parsed.error)))
  await createTask(userId, parsed.data)
  redirect('/')
}

export async function toggleTask(form: FormData): Promise<void> {
  const userId = await signedInUser()
  const id = String(form.get('id') ?? '')
  const changes = TaskChanges.parse({ done: form.get('done') === 'true' })
  if (!isTaskId(id) || !(await updateTask(userId, id, changes)))
    redirect('/?error=' + encodeURIComponent('No such task'))
  redirect('/')
}
