import { type Database, type SchemaModel, sql } from 'tidemark'
import { renderCreate } from 'tidemark/pg'
import { expect } from 'vitest'
import { renderChanges } from '../../src/dialects/pg/ddl/render-changes.js'
import { diff, type Renames } from '../../src/diff/index.js'
import { applyStatements, type CatalogSnapshot, readCatalog } from '../support/catalog.js'

/** Drops every user schema and recreates an empty `public`. */
export async function resetDatabase(db: Database): Promise<void> {
  await db.execute(
    sql.raw(`do $$ declare s text; begin
      for s in select nspname from pg_namespace where nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
        and nspname not like 'pg_temp%' and nspname not like 'pg_toast_temp%' loop
        execute format('drop schema %I cascade', s);
      end loop;
      create schema public;
    end $$`),
  )
}

/** The catalog with each table's columns by name: PostgreSQL appends columns, the model does not care. */
export function ignoringColumnOrder(snapshot: CatalogSnapshot): CatalogSnapshot {
  const tables: CatalogSnapshot['tables'] = {}
  for (const [name, columns] of Object.entries(snapshot.tables)) {
    tables[name] = [...columns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  }
  return { ...snapshot, tables }
}

export async function catalogOf(db: Database, model: SchemaModel): Promise<CatalogSnapshot> {
  await resetDatabase(db)
  await applyStatements(db, renderCreate(model))
  return ignoringColumnOrder(await readCatalog(db))
}

/** Applies diff(from, to) to a database created at `from`; returns the statements it ran. */
export async function migrate(
  db: Database,
  from: SchemaModel,
  to: SchemaModel,
  renames?: Renames,
  beforeMigrate?: () => Promise<void>,
): Promise<string[]> {
  await resetDatabase(db)
  await applyStatements(db, renderCreate(from))
  await beforeMigrate?.()
  const statements = renderChanges(diff(from, to, renames === undefined ? {} : { renames }))
  await applyStatements(db, statements)
  return statements
}

/** Up then down: the database reaches `to`'s catalog, then `from`'s again. */
export async function expectRoundTrip(db: Database, from: SchemaModel, to: SchemaModel): Promise<void> {
  const expectedTo = await catalogOf(db, to)
  const expectedFrom = await catalogOf(db, from)
  await migrate(db, from, to)
  expect(ignoringColumnOrder(await readCatalog(db))).toEqual(expectedTo)
  await migrate(db, to, from)
  expect(ignoringColumnOrder(await readCatalog(db))).toEqual(expectedFrom)
}
