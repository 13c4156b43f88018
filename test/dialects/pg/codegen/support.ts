import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ColumnModel, SchemaModel, TableModel } from 'tidemark'
import { createModuleLoader } from '../../../../src/cli/load-module.js'
import { emptyModel } from '../../../../src/model/empty-model.js'

/** The characters a JS template literal treats specially: a backtick and an interpolation. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: the text is data that contains `${` on purpose
export const TEMPLATE_CHARACTERS = 'a`b${c}'

/** TEMPLATE_CHARACTERS as generated code writes them inside a template literal. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: the text is data that contains `${` on purpose
export const TEMPLATE_CHARACTERS_ESCAPED = 'a\\`b\\${c}'

const repository = fileURLToPath(new URL('../../../../', import.meta.url))

/** A model with only what is given; the rest empty. */
export function schemaModel(fields: Partial<SchemaModel>): SchemaModel {
  return { ...emptyModel, ...fields }
}

export function tableModel(
  name: string,
  columns: ColumnModel[],
  fields: Partial<TableModel> = {},
): TableModel {
  return {
    schema: 'public',
    name,
    columns,
    primaryKey: null,
    uniques: [],
    foreignKeys: [],
    checks: [],
    indexes: [],
    comment: null,
    rowLevelSecurity: { enabled: false, forced: false },
    storageParameters: [],
    unlogged: false,
    replicaIdentity: { kind: 'default', index: null },
    policies: [],
    partitionBy: null,
    partitionOf: null,
    ...fields,
  }
}

export function columnModel(name: string, type: string, fields: Partial<ColumnModel> = {}): ColumnModel {
  return {
    name,
    type,
    dimensions: 0,
    notNull: false,
    default: null,
    identity: null,
    generated: null,
    collation: null,
    comment: null,
    ...fields,
  }
}

/**
 * Imports generated source as a project would (through the CLI's module loader, from a file in a
 * temporary folder) and gives back toModel of its exports.
 */
export async function loadGenerated(source: string): Promise<SchemaModel> {
  const dir = await mkdtemp(join(tmpdir(), 'tidemark-codegen-'))
  try {
    const file = join(dir, 'schema.ts')
    await writeFile(file, source)
    const loader = await createModuleLoader(dir, 'loading pulled code')
    const module = await loader.import(file)
    // The toModel of the Tidemark instance the module imported, so that its SQL fragments are recognized.
    const pg = (await loader.import('tidemark/pg')) as typeof import('tidemark/pg')
    return pg.toModel(module)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The model as pulled code gives it back: without `definedObjects`, which the DSL cannot all declare yet. */
export function asPulled(model: SchemaModel): SchemaModel {
  return { ...model, definedObjects: [] }
}

/** What the repository's formatter makes of the source (identical when it is already formatted). */
export function biomeFormat(source: string): string {
  return execFileSync(
    join(repository, 'node_modules/.bin/biome'),
    ['format', '--stdin-file-path=schema.ts'],
    {
      input: source,
      cwd: repository,
    },
  ).toString()
}
