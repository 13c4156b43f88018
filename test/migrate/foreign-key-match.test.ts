/**
 * MATCH FULL foreign keys end to end: declared with `.matchFull()`, the model carries it and the
 * database built from the model reads back the same; pulled from a database, the code declares it
 * again, and the migration generated from that code rebuilds the catalog exactly (pg_get_constraintdef
 * prints MATCH FULL). A hand edit to MATCH FULL is drift (the drift suite). NOT VALID cannot be
 * declared: pull writes such keys and checks validated and says so for each.
 */
import { bigint, foreignKey, introspect, renderCreate, table, text, toModel, unique } from 'tidemark/pg'
import { expect, it } from 'vitest'
import { codegen } from '../../src/dialects/pg/codegen/codegen.js'
import { resetDatabase } from '../diff/support.js'
import { applyStatements } from '../support/catalog.js'
import { describeEachSchemaTarget } from '../support/databases.js'
import { pullGenerateMigrate } from '../support/pull-round-trip.js'

const regions = table('regions', { country: text().notNull(), code: text().notNull() }, (t) => [
  unique().on(t.country, t.code),
])
const offices = table('offices', { id: bigint().primaryKey(), country: text(), region: text() }, (t) => [
  foreignKey({ columns: [t.country, t.region], references: () => [regions.country, regions.code] })
    .onDelete('cascade')
    .matchFull(),
])

describeEachSchemaTarget('MATCH FULL foreign keys', (target) => {
  it('are declared, created and read back as declared', async () => {
    await resetDatabase(target.db)
    const model = toModel({ regions, offices })
    const [key] = model.tables.find((t) => t.name === 'offices')!.foreignKeys
    expect(key).toMatchObject({ matchFull: true, onDelete: 'cascade' })
    await applyStatements(target.db, renderCreate(model))
    const read = await introspect(target.db)
    expect(read.tables.find((t) => t.name === 'offices')!.foreignKeys).toEqual([key])
  })

  it('survive pull, generate and migrate', async () => {
    await resetDatabase(target.db)
    await applyStatements(target.db, [
      'create table regions (country text not null, code text not null, unique (country, code))',
      `create table offices (id bigint primary key, country text, region text,
        foreign key (country, region) references regions (country, code) match full)`,
      // One column: MATCH FULL changes nothing a row can hold, but the catalog still records it.
      'create table desks (id bigint primary key, office bigint references offices match full)',
    ])
    const { source, before, after } = await pullGenerateMigrate(target)
    expect(source.match(/\.matchFull\(\)/g)).toHaveLength(2)
    expect(after).toEqual(before)
  })
})

describeEachSchemaTarget('NOT VALID keys and checks in pull', (target) => {
  it('are written validated, with a warning for each', async () => {
    await resetDatabase(target.db)
    await applyStatements(target.db, [
      'create table owners (id bigint primary key)',
      'create table pets (id bigint primary key, owner bigint, age int)',
      'alter table pets add constraint pets_owner_fkey foreign key (owner) references owners not valid',
      'alter table pets add constraint pets_age_check check (age >= 0) not valid',
    ])
    const { warnings } = codegen(await introspect(target.db))
    expect(warnings).toEqual([
      'foreign key pets_owner_fkey of public.pets is NOT VALID in the database; the code declares it validated, which checks the rows this database never did (VALIDATE CONSTRAINT it to match)',
      'check constraint pets_age_check of public.pets is NOT VALID in the database; the code declares it validated, which checks the rows this database never did (VALIDATE CONSTRAINT it to match)',
    ])
  })
})
