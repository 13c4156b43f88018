import { type SchemaModel, sql } from 'tidemark'
import {
  bigint,
  bigserial,
  enumType,
  index,
  integer,
  introspect,
  type PartitionBound,
  partition,
  partitionBy,
  primaryKey,
  renderCreate,
  table,
  text,
  timestamptz,
  toModel,
} from 'tidemark/pg'
import { describe, expect, it } from 'vitest'
import { renderChanges } from '../../src/dialects/pg/ddl/render-changes.js'
import { describeChange, diff } from '../../src/diff/index.js'
import { applyStatements, readCatalog } from '../support/catalog.js'
import { describeEachSchemaTarget } from '../support/databases.js'
import { expectRoundTrip, ignoringColumnOrder, migrate, resetDatabase } from './support.js'

interface Shape {
  /** Partition name -> bound, under `events` partitioned by range on created_at. */
  readonly partitions?: Record<string, PartitionBound>
  /** Partition by list on region instead. */
  readonly byRegion?: boolean
}

/** `events`, partitioned, with a serial id, an index on the parent and a table that references it. */
function events(shape: Shape = {}): SchemaModel {
  const parent = table(
    'events',
    {
      id: bigserial().notNull(),
      region: text().notNull(),
      createdAt: timestamptz('created_at').notNull(),
    },
    (t) => [
      primaryKey(t.id, t.createdAt, t.region),
      index().on(t.region),
      shape.byRegion ? partitionBy('list', t.region) : partitionBy('range', t.createdAt),
    ],
  )
  const parts = Object.entries(shape.partitions ?? {}).map(([name, bound]) => partition(parent, name, bound))
  return toModel(parent, parts)
}

const y2026: PartitionBound = { from: '2026-01-01 00:00:00+00', to: '2027-01-01 00:00:00+00' }
const y2027: PartitionBound = { from: '2027-01-01 00:00:00+00', to: '2028-01-01 00:00:00+00' }

describe('diff and render: partitioned tables and partitions', () => {
  it('keeps the key and the bounds in the model, a partition with no columns of its own', () => {
    const model = events({ partitions: { events_2026: y2026, events_other: { default: true } } })
    const byName = new Map(model.tables.map((t) => [t.name, t]))
    expect(byName.get('events')!.partitionBy).toEqual({ strategy: 'range', key: 'created_at' })
    expect(byName.get('events')!.partitionOf).toBeNull()
    expect(byName.get('events_2026')).toMatchObject({
      columns: [],
      primaryKey: null,
      indexes: [],
      partitionBy: null,
      partitionOf: {
        schema: 'public',
        table: 'events',
        bound: "FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2027-01-01 00:00:00+00')",
      },
    })
    expect(byName.get('events_other')!.partitionOf!.bound).toBe('DEFAULT')
  })

  it('writes bounds of every kind, and MINVALUE / MAXVALUE through sql', () => {
    const measures = table(
      'measures',
      { a: integer().notNull(), b: text().notNull(), at: timestamptz() },
      (t) => [partitionBy('range', t.a, sql`lower(${t.b})`)],
    )
    const low = partition(measures, 'measures_low', { from: [sql`MINVALUE`, sql`MINVALUE`], to: [0, "it's"] })
    const at = table('at', { at: timestamptz().notNull() }, (t) => [partitionBy('range', t.at)])
    const first = partition(at, 'at_first', { from: new Date('2026-01-01T00:00:00Z'), to: sql`MAXVALUE` })
    const tags = table('tags', { tag: text() }, (t) => [partitionBy('list', t.tag)])
    const some = partition(tags, 'tags_some', { in: ['a', null] })
    const hashed = table('hashed', { id: bigint().notNull() }, (t) => [partitionBy('hash', t.id)])
    const h1 = partition(hashed, 'hashed_1', { modulus: 4, remainder: 1 })
    const bounds = Object.fromEntries(
      toModel({ measures, low, at, first, tags, some, hashed, h1 }).tables.map((t) => [
        t.name,
        t.partitionOf?.bound ?? `${t.partitionBy!.strategy} (${t.partitionBy!.key})`,
      ]),
    )
    expect(bounds).toEqual({
      measures: 'range (a, lower("b"))',
      measures_low: "FOR VALUES FROM (MINVALUE, MINVALUE) TO (0, 'it''s')",
      at: 'range (at)',
      at_first: "FOR VALUES FROM ('2026-01-01 00:00:00.000+00') TO (MAXVALUE)",
      tags: 'list (tag)',
      tags_some: "FOR VALUES IN ('a', NULL)",
      hashed: 'hash (id)',
      hashed_1: 'FOR VALUES WITH (modulus 4, remainder 1)',
    })
  })

  it('refuses a bound that does not fit the parent, and a partition of a table that is not partitioned', () => {
    const list = table('l', { tag: text() }, (t) => [partitionBy('list', t.tag)])
    expect(() => toModel(list, partition(list, 'l_a', y2026))).toThrow(
      /table public\.l_a, partition bound: \{ from, to \} is a range bound; the parent is partitioned by list/,
    )
    const plain = table('p', { id: integer() })
    expect(() => toModel(plain, partition(plain, 'p_1', { default: true }))).toThrow(
      /table public\.p_1: is a partition of public\.p, which has no partitionBy\(\)/,
    )
    const hashed = table('h', { id: integer() }, (t) => [partitionBy('hash', t.id)])
    expect(() => toModel(hashed, partition(hashed, 'h_1', { modulus: 2, remainder: 2 }))).toThrow(
      /remainder must be an integer from 0 to modulus - 1/,
    )
  })

  it('creates the parent, then its partitions; an index on the parent only', () => {
    const changes = diff(toModel(), events({ partitions: { events_2026: y2026 } }))
    const statements = renderChanges(changes)
    expect(statements.filter((s) => s.startsWith('CREATE TABLE') || s.startsWith('CREATE INDEX'))).toEqual([
      `CREATE TABLE "public"."events" (
  "id" bigint DEFAULT nextval('public.events_id_seq'::regclass) NOT NULL,
  "region" text NOT NULL,
  "created_at" timestamp with time zone NOT NULL,
  CONSTRAINT "events_pkey" PRIMARY KEY ("id", "created_at", "region")
) PARTITION BY RANGE (created_at)`,
      `CREATE TABLE "public"."events_2026" PARTITION OF "public"."events" FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2027-01-01 00:00:00+00')`,
      'CREATE INDEX "events_region_idx" ON "public"."events" USING btree ("region")',
    ])
    expect(changes.map(describeChange)).toContain('create partition events_2026 of events')
  })

  it('drops partitions before their parent, and a partition alone with a data-loss hazard', () => {
    const all = events({ partitions: { events_2026: y2026 } })
    expect(renderChanges(diff(all, toModel())).filter((s) => s.startsWith('DROP TABLE'))).toEqual([
      'DROP TABLE "public"."events_2026"',
      'DROP TABLE "public"."events"',
    ])
    const one = diff(all, events())
    expect(renderChanges(one)).toEqual(['DROP TABLE "public"."events_2026"'])
    expect(one.map(describeChange)).toEqual(['drop partition events_2026 of events'])
    expect(one[0]!.hazards.map((h) => h.kind)).toEqual(['data-loss'])
  })

  it('detaches and attaches a partition whose bound changes, with a long-lock hazard; down is the inverse', () => {
    const before = events({ partitions: { events_2026: y2026 } })
    const after = events({ partitions: { events_2026: y2027 } })
    const up = diff(before, after)
    expect(renderChanges(up)).toEqual([
      'ALTER TABLE "public"."events" DETACH PARTITION "public"."events_2026"',
      `ALTER TABLE "public"."events" ATTACH PARTITION "public"."events_2026" FOR VALUES FROM ('2027-01-01 00:00:00+00') TO ('2028-01-01 00:00:00+00')`,
    ])
    expect(up.flatMap((c) => c.hazards.map((h) => h.kind))).toEqual(['long-lock'])
    expect(renderChanges(diff(after, before))).toEqual([
      'ALTER TABLE "public"."events" DETACH PARTITION "public"."events_2026"',
      `ALTER TABLE "public"."events" ATTACH PARTITION "public"."events_2026" FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2027-01-01 00:00:00+00')`,
    ])
  })

  it('rebuilds a table whose partition key changes, with its partitions, keeping its sequence', () => {
    const before = events({ partitions: { events_2026: y2026 } })
    const after = events({ byRegion: true, partitions: { events_eu: { in: ['eu'] } } })
    const up = diff(before, after)
    expect(renderChanges(up)).toEqual([
      'ALTER SEQUENCE "public"."events_id_seq" OWNED BY NONE',
      'DROP TABLE "public"."events_2026"',
      'DROP TABLE "public"."events"',
      `CREATE TABLE "public"."events" (
  "id" bigint DEFAULT nextval('public.events_id_seq'::regclass) NOT NULL,
  "region" text NOT NULL,
  "created_at" timestamp with time zone NOT NULL,
  CONSTRAINT "events_pkey" PRIMARY KEY ("id", "created_at", "region")
) PARTITION BY LIST (region)`,
      `CREATE TABLE "public"."events_eu" PARTITION OF "public"."events" FOR VALUES IN ('eu')`,
      'ALTER SEQUENCE "public"."events_id_seq" OWNED BY "public"."events"."id"',
      'CREATE INDEX "events_region_idx" ON "public"."events" USING btree ("region")',
    ])
    expect(up.find((c) => c.kind === 'drop-table' && c.table.name === 'events')!.hazards).toEqual([
      { kind: 'data-loss', message: 'rebuilds events for a new partition key: drops it and all its rows' },
    ])
  })
})

describeEachSchemaTarget('partitions on a database', (target) => {
  const read = async () => ignoringColumnOrder(await readCatalog(target.db))

  it('reads back what it creates: the key, the bounds, and only what is a partition’s own', async () => {
    const model = events({ partitions: { events_2026: y2026, events_other: { default: true } } })
    await resetDatabase(target.db)
    await applyStatements(target.db, renderCreate(model))
    const live = await introspect(target.db)
    expect(
      live.tables.map((t) => [t.name, t.columns.length, t.primaryKey?.name ?? null, t.indexes.length]),
    ).toEqual([
      ['events', 3, 'events_pkey', 1],
      ['events_2026', 0, null, 0],
      ['events_other', 0, null, 0],
    ])
    expect(live.tables.map((t) => t.partitionOf?.bound ?? t.partitionBy)).toEqual([
      { strategy: 'range', key: 'created_at' },
      "FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2027-01-01 00:00:00+00')",
      'DEFAULT',
    ])
    // What it reads back is what the schema declares: nothing to do.
    expect(diff(live, model)).toEqual([])
  })

  it('leaves out foreign keys PostgreSQL adds for each partition of a referenced table', async () => {
    const model = events({ partitions: { events_2026: y2026 } })
    await resetDatabase(target.db)
    await applyStatements(target.db, renderCreate(model))
    await target.exec(`create table seen (event_id bigint, at timestamptz, region text,
      foreign key (event_id, at, region) references events (id, created_at, region))`)
    const live = await introspect(target.db)
    expect(live.tables.find((t) => t.name === 'seen')!.foreignKeys.map((fk) => fk.references.table)).toEqual([
      'events',
    ])
    expect(live.tables.find((t) => t.name === 'events_2026')!.foreignKeys).toEqual([])
  })

  it('round trips creating, adding, dropping and changing partitions, up and down', async () => {
    const none = toModel()
    const one = events({ partitions: { events_2026: y2026 } })
    const two = events({ partitions: { events_2026: y2026, events_2027: y2027 } })
    const moved = events({ partitions: { events_2026: y2027, events_other: { default: true } } })
    const rekeyed = events({ byRegion: true, partitions: { events_eu: { in: ['eu'] } } })
    await expectRoundTrip(target.db, none, two)
    await expectRoundTrip(target.db, one, two)
    await expectRoundTrip(target.db, two, moved)
    await expectRoundTrip(target.db, one, rekeyed)
  })

  it('rebuilds a table for a new partition key on an enum that loses a label, up and down', async () => {
    // The rebuilt table is dropped before the enum is replaced and created on the new one: none of
    // its columns is moved (moving them failed with "relation does not exist").
    const jobs = (rekeyed: boolean) => {
      const jobState = enumType('job_state', rekeyed ? ['created', 'done'] : ['created', 'expired', 'done'])
      const job = table(
        'job',
        {
          name: text().notNull(),
          state: jobState().notNull().default('created'),
          createdOn: timestamptz('created_on').notNull(),
        },
        (t) => [rekeyed ? partitionBy('list', t.name) : partitionBy('range', t.createdOn)],
      )
      return toModel({ jobState, job })
    }
    await expectRoundTrip(target.db, jobs(false), jobs(true))
  })

  it('keeps the rows of a partition whose bound changes', async () => {
    const before = events({ partitions: { events_2026: { from: '2026-01-01', to: '2026-07-01' } } })
    const after = events({ partitions: { events_2026: y2026 } })
    await migrate(target.db, before, after, undefined, () =>
      target.exec(`insert into events (region, created_at) values ('eu', '2026-03-01')`),
    )
    const rows = await target.db.execute<{ n: number }>(sql`select count(*)::int as n from events_2026`)
    expect(rows.rows).toEqual([{ n: 1 }])
    expect((await read()).partitions['public.events_2026']!.bound).toBe(
      "FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2027-01-01 00:00:00+00')",
    )
  })
})
