/**
 * Fills the database with two demo users and their tasks (`npm run seed`), or removes them
 * (`npm run cleanup`). It uses the app's own schema module, zod schemas and task functions, so the
 * rows it writes pass the same checks and policies as the API's.
 */
import { inArray } from 'tidemark'
import { closeDatabase, database } from '../db/database'
import { users } from '../db/schema'
import { NewTask, SignUp } from '../db/validation'
import { hashToken } from '../lib/auth'
import { createTask } from '../lib/tasks'

// Fixed tokens so the README's curl commands work; real users get random ones from POST /api/signup.
const demoUsers = [
  {
    user: { email: 'ada@example.com', displayName: 'Ada' },
    token: 'demo-token-ada',
    tasks: [{ title: 'Ship the iOS build', dueOn: '2030-01-15' }, { title: 'Answer the beta testers' }],
  },
  {
    user: { email: 'grace@example.com', displayName: 'Grace' },
    token: 'demo-token-grace',
    tasks: [{ title: 'Rotate the push certificates' }],
  },
]

async function cleanup(): Promise<number> {
  const db = await database()
  const emails = demoUsers.map((demo) => demo.user.email)
  // Their tasks go with them (on delete cascade).
  const removed = await db.delete(users).where(inArray(users.email, emails)).returning({ id: users.id })
  return removed.length
}

async function seed(): Promise<void> {
  await cleanup()
  const db = await database()
  for (const demo of demoUsers) {
    const [user] = await db
      .insert(users)
      .values({ ...SignUp.parse(demo.user), tokenHash: hashToken(demo.token) })
      .returning({ id: users.id })
    for (const task of demo.tasks) await createTask(user!.id, NewTask.parse(task))
    console.log(`${demo.user.email}: ${demo.tasks.length} task(s), token ${demo.token}`)
  }
}

try {
  if (process.argv.includes('--cleanup'))
    console.log(`Removed ${await cleanup()} demo users and their tasks.`)
  else await seed()
} finally {
  await closeDatabase()
}
