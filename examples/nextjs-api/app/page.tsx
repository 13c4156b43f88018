import { cookies } from 'next/headers'
import { TOKEN_COOKIE, userIdForToken } from '../lib/auth'
import { currentUser, listTasks } from '../lib/tasks'
import { addTask, signIn, signOut, toggleTask } from './actions'

interface PageProps {
  searchParams: Promise<{ error?: string }>
}

/** The web page: the signed-in user's tasks, read on the server as that user. */
export default async function Home({ searchParams }: PageProps) {
  const { error } = await searchParams
  const userId = await userIdForToken((await cookies()).get(TOKEN_COOKIE)?.value)
  return (
    <main>
      <h1>Tasks</h1>
      {error ? (
        <p role="alert" style={{ color: 'crimson' }}>
          {error}
        </p>
      ) : null}
      {userId ? <TaskList userId={userId} /> : <SignIn />}
    </main>
  )
}

function SignIn() {
  return (
    <form action={signIn}>
      <p>Sign in with the token POST /api/signup gave you (npm run seed prints two).</p>
      <input name="token" aria-label="Token" required />
      <button type="submit">Sign in</button>
    </form>
  )
}

async function TaskList({ userId }: { userId: string }) {
  const [user, tasks] = await Promise.all([currentUser(userId), listTasks(userId)])
  return (
    <>
      <p>
        Signed in as <strong>{user.displayName}</strong> ({user.email}).
      </p>
      <form action={signOut}>
        <button type="submit">Sign out</button>
      </form>
      <ul aria-label="Tasks">
        {tasks.map((task) => (
          <li key={task.id}>
            <form action={toggleTask} style={{ display: 'inline' }}>
              <input type="hidden" name="id" value={task.id} />
              <input type="hidden" name="done" value={String(!task.done)} />
              <button type="submit" aria-label={task.done ? 'Reopen' : 'Done'}>
                {task.done ? '☑' : '☐'}
              </button>
            </form>{' '}
            <span style={{ textDecoration: task.done ? 'line-through' : 'none' }}>{task.title}</span>
            {task.dueOn ? <small> due {task.dueOn}</small> : null}
          </li>
        ))}
      </ul>
      <form action={addTask}>
        <input name="title" aria-label="New task" placeholder="New task" />
        <input name="dueOn" type="date" aria-label="Due on" />
        <button type="submit">Add</button>
      </form>
    </>
  )
}
