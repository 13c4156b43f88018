import { introspect } from 'tidemark/pg'
import { expect, it } from 'vitest'
import { codegen } from '../../../../src/dialects/pg/codegen/codegen.js'
import { renderChanges } from '../../../../src/dialects/pg/ddl/render-changes.js'
import { diff } from '../../../../src/diff/index.js'
import { emptyModel } from '../../../../src/model/empty-model.js'
import { resetDatabase } from '../../../diff/support.js'
import { applyStatements, readCatalog } from '../../../support/catalog.js'
import { describeEachSchemaTarget } from '../../../support/databases.js'
import { biomeFormat, loadGenerated } from './support.js'

describeEachSchemaTarget('partitions through pull', (target) => {
  it('writes partitioned tables and partitions as code that builds them again exactly', async () => {
    await resetDatabase(target.db)
    await applyStatements(target.db, [
      'create schema archive',
      `create table events (id bigserial, "Region" text not null, created_at timestamptz not null,
        primary key (id, created_at, "Region")) partition by range (created_at)`,
      'create index on events ("Region")',
      `create table events_2026 partition of events for values from ('2026-01-01') to ('2027-01-01')
        partition by list ("Region")`,
      `create table events_2026_eu partition of events_2026 for values in ('eu', 'it''s', null)`,
      'create table events_2026_rest partition of events_2026 default',
      `create table archive.events_old partition of events for values from (minvalue) to ('2026-01-01')`,
      'create index on archive.events_old (id)',
      'create table buckets (id bigint not null, tag text) partition by hash (id, lower(tag))',
      'create table buckets_0 partition of buckets for values with (modulus 2, remainder 0)',
      'create table buckets_1 partition of buckets for values with (modulus 2, remainder 1)',
      'create table grid (x integer, y integer) partition by range (x, y)',
      'create table grid_low partition of grid for values from (0, minvalue) to (10, maxvalue)',
    ])
    const before = await readCatalog(target.db)
    const live = await introspect(target.db)
    const { source, warnings } = codegen(live)
    expect(warnings).toEqual([])
    expect(biomeFormat(source)).toBe(source)
    expect(source).toContain("partitionBy('range', t.createdAt)")
    expect(source).toContain("partitionBy('hash', t.id, sql`lower(tag)`)")
    expect(source).toContain(`export const events2026 = partition(
  events,
  'events_2026',
  { from: '2026-01-01 00:00:00+00', to: '2027-01-01 00:00:00+00' },
  (t) => [partitionBy('list', t.region)],
)`)
    expect(source).toContain(`partition(events2026, 'events_2026_eu', { in: ['eu', "it's", null] })`)
    expect(source).toContain("partition(events2026, 'events_2026_rest', { default: true })")
    expect(source).toContain('{ from: [0, sql`MINVALUE`], to: [10, sql`MAXVALUE`] }')
    expect(source).toContain(`export const eventsOld = partition(
  events,
  'events_old',
  { from: sql\`MINVALUE\`, to: '2026-01-01 00:00:00+00' },
  (t) => [index().on(t.id)],
  { schema: 'archive' },
)`)

    const pulled = await loadGenerated(source)
    // The code says exactly what the catalog says: nothing to change.
    expect(diff(live, pulled)).toEqual([])
    await resetDatabase(target.db)
    await applyStatements(target.db, renderChanges(diff(emptyModel, pulled)))
    expect(await readCatalog(target.db)).toEqual(before)
  })
})
