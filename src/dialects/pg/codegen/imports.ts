/** Every name generated code may import from tidemark/pg; variables never take one of these. */
export const IMPORTABLE: readonly string[] = [
  'AnyColumn',
  'IndexMethod',
  'asc',
  'bigint',
  'bigserial',
  'boolean',
  'bytea',
  'char',
  'check',
  'cidr',
  'comment',
  'compositeType',
  'customType',
  'date',
  'desc',
  'domain',
  'doublePrecision',
  'enableRowLevelSecurity',
  'enumType',
  'extension',
  'forceRowLevelSecurity',
  'foreignKey',
  'grant',
  'index',
  'inet',
  'integer',
  'interval',
  'json',
  'jsonb',
  'macaddr',
  'materializedView',
  'numeric',
  'partition',
  'partitionBy',
  'pgFunction',
  'policy',
  'primaryKey',
  'procedure',
  'real',
  'replicaIdentity',
  'schema',
  'sequence',
  'serial',
  'smallint',
  'smallserial',
  'sql',
  'storageParameters',
  'table',
  'text',
  'time',
  'timestamp',
  'timestamptz',
  'timetz',
  'trigger',
  'unique',
  'uniqueIndex',
  'unlogged',
  'uuid',
  'varchar',
  'view',
]

const TYPES: ReadonlySet<string> = new Set(['AnyColumn', 'IndexMethod'])

/** The names a module uses, imported once each, in the order the formatter sorts them. */
export class Imports {
  private readonly used = new Set<string>()

  use(name: string): string {
    if (!IMPORTABLE.includes(name)) throw new Error(`${name} is not importable from tidemark/pg`)
    this.used.add(name)
    return name
  }

  specifiers(): string[] {
    return [...this.used].sort(compareSpecifiers).map((name) => (TYPES.has(name) ? `type ${name}` : name))
  }
}

/** Letters compare case-insensitively, and at the first letter that differs only in case, capitals first. */
function compareSpecifiers(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a[i]!
    const y = b[i]!
    if (x === y) continue
    const lx = x.toLowerCase()
    const ly = y.toLowerCase()
    if (lx !== ly) return lx < ly ? -1 : 1
    return x === x.toUpperCase() ? -1 : 1
  }
  return a.length - b.length
}
