import { sql } from 'tidemark'
import {
  bigint,
  customType,
  enumType,
  integer,
  jsonb,
  numeric,
  renderCreate,
  serial,
  table,
  text,
  timestamptz,
  toModel,
} from 'tidemark/pg'
import type { Database } from '../../src/database/database.js'

export const mood = enumType('q_mood', ['happy', 'sad'])

export const point = customType<{ x: number; y: number }>({
  dataType: 'point',
  fromDriver: (text) => {
    const [x, y] = text.slice(1, -1).split(',').map(Number)
    return { x: x!, y: y! }
  },
  toDriver: (p) => `(${p.x},${p.y})`,
})

export const users = table('q_users', {
  id: serial().primaryKey(),
  name: text().notNull(),
  email: text().unique(),
  mood: mood(),
  visits: bigint({ mode: 'bigint' }).notNull().default(0n),
  balance: numeric({ precision: 12, scale: 2 }),
  tags: text().array(),
  settings: jsonb<{ theme: string; size?: number }>(),
  createdAt: timestamptz('created_at')
    .notNull()
    .defaultFn(() => new Date('2024-01-01T00:00:00Z')),
  location: point(),
})

export const posts = table('q_posts', {
  id: serial().primaryKey(),
  authorId: integer('author_id')
    .notNull()
    .references(() => users.id),
  title: text().notNull(),
  score: integer().notNull().default(0),
})

export const nodes = table('q_nodes', {
  id: integer().primaryKey(),
  parentId: integer('parent_id'),
  label: text().notNull(),
})

export async function createSchema(db: Database): Promise<void> {
  for (const statement of renderCreate(toModel({ mood, users, posts, nodes }))) {
    await db.execute(sql.raw(statement))
  }
}

/** Ada (2 posts), Bob (1 post), Cy (none). */
export async function seed(db: Database): Promise<void> {
  await db.insert(users).values([
    {
      name: 'Ada',
      email: 'ada@example.com',
      mood: 'happy',
      visits: 9007199254740993n,
      balance: '10.50',
      tags: ['a', 'b'],
      settings: { theme: 'dark', size: 2 },
      location: { x: 1, y: 2 },
    },
    { name: 'Bob', email: 'bob@example.com', mood: 'sad', visits: 3n, balance: '2.25', tags: ['b'] },
    { name: 'Cy', tags: [] },
  ])
  await db.insert(posts).values([
    { authorId: 1, title: 'First', score: 5 },
    { authorId: 1, title: 'Second', score: 7 },
    { authorId: 2, title: 'Hello', score: 1 },
  ])
  await db.insert(nodes).values([
    { id: 1, parentId: null, label: 'root' },
    { id: 2, parentId: 1, label: 'child' },
    { id: 3, parentId: 2, label: 'grandchild' },
    { id: 4, parentId: null, label: 'other' },
  ])
}
