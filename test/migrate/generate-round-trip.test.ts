import fc from 'fast-check'
import type { SchemaModel } from 'tidemark'
import { introspect, renderCreate, toModel } from 'tidemark/pg'
import { expect, it } from 'vitest'
import { diff, findRenameCandidates, invertRenames, type Renames } from '../../src/diff/index.js'
import { migrationText } from '../../src/migrate/generate/migration-text.js'
import { applyMigrationSql, isNoTransaction } from '../../src/migrate/index.js'
import { resetDatabase } from '../diff/support.js'
import { applyStatements } from '../support/catalog.js'
import { describeEachSchemaTarget } from '../support/databases.js'
import { buildSchema, type SchemaSpec, schemaSpec } from './random-schemas.js'

/** Columns by name: PostgreSQL appends added columns, and the differ never reorders a table. */
function normalized(model: SchemaModel): SchemaModel {
  return {
    ...model,
    tables: model.tables.map((t) => ({
      ...t,
      columns: [...t.columns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    })),
  }
}

/** Takes some rename candidates, as an author answering generate's questions might. */
function someRenames(from: SchemaModel, to: SchemaModel, choices: readonly boolean[]): Renames {
  let renames: Renames = { tables: [], columns: [] }
  const dropped = new Set<string>()
  for (const take of choices) {
    const [candidate] = findRenameCandidates(from, to, renames, dropped)
    if (candidate === undefined) break
    if (!take) dropped.add(candidate.from)
    else if (candidate.kind === 'table')
      renames = { ...renames, tables: [...renames.tables, candidate.rename as never] }
    else renames = { ...renames, columns: [...renames.columns, candidate.rename as never] }
  }
  return renames
}

async function applyMigration(db: Parameters<typeof introspect>[0], text: string): Promise<void> {
  await applyMigrationSql(db as never, 'migration.sql', text, { transaction: !isNoTransaction(text) })
}

const runs = Number(process.env.TIDEMARK_PROPERTY_RUNS ?? 0)

describeEachSchemaTarget('generated migrations, up and down, on random pairs of schemas', (target) => {
  it('reach the new schema exactly, leave nothing to generate, and come back down', async () => {
    // Enough random pairs for every CI run; TIDEMARK_PROPERTY_RUNS asks for a deeper search. Fewer on
    // the server: the PGlite run covers the same SQL.
    const numRuns = runs > 0 ? runs : target.name === 'pglite' ? 60 : 40
    await fc.assert(
      fc.asyncProperty(
        schemaSpec,
        schemaSpec,
        fc.array(fc.boolean(), { maxLength: 3 }),
        async (a, b, choices) => {
          const from = toModel(buildSchema(a))
          const to = toModel(buildSchema(b))
          await resetDatabase(target.db)
          await applyStatements(target.db, renderCreate(from))
          const atFrom = await introspect(target.db)
          expect(normalized(atFrom)).toEqual(normalized(from))

          const renames = someRenames(atFrom, to, choices)
          const up = diff(atFrom, to, { renames })
          await applyMigration(target.db, migrationText('up', 'up', up))
          const atTo = await introspect(target.db)
          expect(normalized(atTo)).toEqual(normalized(to))
          expect(diff(atTo, to)).toEqual([])

          const down = diff(atTo, atFrom, { renames: invertRenames(renames) })
          await applyMigration(target.db, migrationText('down', 'down', down))
          expect(normalized(await introspect(target.db))).toEqual(normalized(from))
        },
      ),
      { numRuns, endOnFailure: true },
    )
  }, 600_000)
})

export type { SchemaSpec }
