import { eq, sql } from 'tidemark'
import {
  boolean,
  compositeType,
  date,
  domain,
  enumType,
  integer,
  numeric,
  renderCreate,
  table,
  text,
  timestamptz,
  toModel,
} from 'tidemark/pg'
import { beforeAll, expect, it } from 'vitest'
import { applyStatements } from '../support/catalog.js'
import { describeEachDatabase } from '../support/databases.js'

const level = enumType('level', ['low', 'high'])
const email = domain('email', text(), { checks: { email_has_at: sql`VALUE ~ '@'` } })
const highLevel = domain('high_level', level(), { checks: [sql`VALUE <> 'low'`] })
const point = compositeType('pt', { x: integer(), label: text() })
const place = compositeType('place', {
  name: text(),
  at: point(),
  tags: text().array(),
  opened: date(),
  seen: timestamptz(),
  open: boolean(),
  rating: numeric(),
  contact: email(),
})
const places = table('cv_places', {
  id: integer().primaryKey(),
  place: place(),
  history: place().array(),
  contact: email().notNull(),
  level: highLevel(),
})

const tricky = {
  name: 'a "quoted", (bracketed) back\\slash name',
  at: { x: -3, label: '' },
  tags: ['x y', '', 'NULL', '{}', 'a"b'],
  opened: '2024-02-29',
  seen: new Date('2024-01-02T03:04:05.678Z'),
  open: false,
  rating: '12.50',
  contact: "o'brien@example.com",
}

describeEachDatabase('composite and domain columns through the query builder', (target) => {
  beforeAll(async () => {
    await applyStatements(target.db, renderCreate(toModel({ places })))
  })

  it('writes and reads tricky values, nulls and nested composites back exactly', async () => {
    const empty = {
      name: null,
      at: null,
      tags: null,
      opened: null,
      seen: null,
      open: null,
      rating: null,
      contact: null,
    }
    await target.db.insert(places).values([
      { id: 1, place: tricky, history: [tricky, empty], contact: 'a@b', level: 'high' },
      { id: 2, place: null, history: [], contact: 'c@d', level: null },
      { id: 3, place: { ...empty, at: { x: null, label: null } }, contact: 'e@f' },
    ])
    const rows = await target.db.select().from(places).orderBy(places.id)
    expect(rows).toEqual([
      { id: 1, place: tricky, history: [tricky, empty], contact: 'a@b', level: 'high' },
      { id: 2, place: null, history: [], contact: 'c@d', level: null },
      {
        id: 3,
        place: { ...empty, at: { x: null, label: null } },
        history: null,
        contact: 'e@f',
        level: null,
      },
    ])
  })

  it('compares, updates and returns composite values as parameters', async () => {
    const [updated] = await target.db
      .update(places)
      .set({ place: { ...tricky, name: 'new name' } })
      .where(eq(places.id, 2))
      .returning({ place: places.place })
    expect(updated!.place!.name).toBe('new name')
    const [found] = await target.db
      .select({ id: places.id })
      .from(places)
      .where(sql`(${places.place}).name = ${'new name'}`)
    expect(found).toEqual({ id: 2 })
  })

  it('reports the domain check that a value breaks', async () => {
    await expect(target.db.insert(places).values({ id: 9, contact: 'no at sign' })).rejects.toMatchObject({
      kind: 'check_violation',
    })
    await expect(
      target.db.insert(places).values({ id: 9, contact: 'x@y', level: 'low' }),
    ).rejects.toMatchObject({
      kind: 'check_violation',
      constraint: 'high_level_check',
    })
  })
})
