import type { SchemaModel } from 'tidemark'
import { describe, expect, it } from 'vitest'
import { codegen } from '../../../../src/dialects/pg/codegen/codegen.js'
import { asPulled, biomeFormat, columnModel, loadGenerated, schemaModel, tableModel } from './support.js'

describe('codegen of row-level security', () => {
  const flags = (enabled: boolean, forced: boolean) => ({ rowLevelSecurity: { enabled, forced } })
  const model: SchemaModel = schemaModel({
    tables: [
      tableModel('both', [columnModel('id', 'integer')], flags(true, true)),
      tableModel('enabled', [columnModel('id', 'integer')], flags(true, false)),
      tableModel('forced', [columnModel('id', 'integer')], flags(false, true)),
      tableModel('neither', [columnModel('id', 'integer')]),
    ],
  })
  const { source } = codegen(model)

  it('writes each flag the catalog has as its own extra, a forced-only table included', () => {
    expect(source).toContain('(t) => [enableRowLevelSecurity(), forceRowLevelSecurity()]')
    expect(source).toContain(
      "  'enabled',\n  {\n    id: integer(),\n  },\n  (t) => [enableRowLevelSecurity()],\n)",
    )
    expect(source).toContain(
      "  'forced',\n  {\n    id: integer(),\n  },\n  (t) => [forceRowLevelSecurity()],\n)",
    )
    expect(source).toContain("export const neither = table('neither', {\n  id: integer(),\n})")
  })

  it('is formatted, and gives back the model', async () => {
    expect(biomeFormat(source)).toBe(source)
    expect(asPulled(await loadGenerated(source))).toEqual(asPulled(model))
  })
})
