import { propertyKey } from './property-key.js'
import type { ColumnKind, ColumnSpec, DefaultSpec, SchemaSpec, TableSpec } from './schema-spec.js'

/**
 * What differs between the two schema languages. Both chain the same modifiers (`primaryKey`,
 * `notNull`, `unique`, `default`, `references`) and the same `index(name).on(...)`, so only the
 * imports, the two factories and the column type calls vary.
 */
export interface SchemaFlavor {
  readonly imports: readonly string[]
  readonly enumFactory: string
  readonly tableFactory: string
  readonly columnTypes: Record<ColumnKind, (name: string) => string>
}

/** One schema module: the enums, then every table as an exported constant. */
export function renderSchema(schema: SchemaSpec, flavor: SchemaFlavor): string {
  const lines = [...flavor.imports, '']
  for (const e of schema.enums) {
    const values = e.values.map((v) => `'${v}'`).join(', ')
    lines.push(`export const ${e.name} = ${flavor.enumFactory}('${e.name}', [${values}])`)
  }
  for (const table of schema.tables) lines.push('', renderTable(table, flavor))
  return `${lines.join('\n')}\n`
}

function renderTable(table: TableSpec, flavor: SchemaFlavor): string {
  const columns = table.columns.map((c) => `  ${propertyKey(c.name)}: ${renderColumn(c, flavor)},`)
  const indexes = table.indexes.map(
    (i) => `index('${i.name}').on(${i.columns.map((c) => `t.${propertyKey(c)}`).join(', ')})`,
  )
  return [
    `export const ${table.name} = ${flavor.tableFactory}(`,
    `  '${table.name}',`,
    `  {`,
    ...columns.map((c) => `  ${c}`),
    `  },`,
    `  (t) => [${indexes.join(', ')}],`,
    `)`,
  ].join('\n')
}

function renderColumn(column: ColumnSpec, flavor: SchemaFlavor): string {
  let text = flavor.columnTypes[column.kind](column.name)
  if (column.primaryKey) text += '.primaryKey()'
  else if (column.notNull) text += '.notNull()'
  if (column.unique) text += '.unique()'
  if (column.default !== undefined) text += `.default(${renderDefault(column.default)})`
  if (column.references !== undefined) text += `.references(() => ${column.references}.id)`
  return text
}

function renderDefault(value: DefaultSpec): string {
  switch (value.kind) {
    case 'literal':
      return typeof value.value === 'string' ? `'${value.value}'` : String(value.value)
    case 'now':
      return 'sql`now()`'
    case 'random-uuid':
      return 'sql`gen_random_uuid()`'
  }
}
