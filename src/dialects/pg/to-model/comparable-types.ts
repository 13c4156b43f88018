/**
 * Whether PostgreSQL can compare two column types in a foreign key. It needs an equality operator
 * between them: types of one family have one (integer and bigint, text and varchar, date and
 * timestamptz), types of different families do not. Only the families below are judged; any other
 * type (an enum, a domain, a type from an extension) is left to PostgreSQL.
 */
export function incomparableTypes(a: string, b: string): boolean {
  const left = familyOf(a)
  const right = familyOf(b)
  return left !== undefined && right !== undefined && left !== right
}

const FAMILIES: Readonly<Record<string, string>> = {
  smallint: 'number',
  integer: 'number',
  bigint: 'number',
  numeric: 'number',
  real: 'number',
  'double precision': 'number',
  text: 'string',
  'character varying': 'string',
  character: 'string',
  boolean: 'boolean',
  uuid: 'uuid',
  bytea: 'bytea',
  date: 'datetime',
  'timestamp without time zone': 'datetime',
  'timestamp with time zone': 'datetime',
}

/** `character varying(40)[]` is an array of strings; the type modifier does not matter. */
function familyOf(type: string): string | undefined {
  const dimensions = type.match(/(\[\])+$/)?.[0].length ?? 0
  const base = type
    .replace(/(\[\])+$/, '')
    .replace(/\(\d+(,\s*\d+)?\)/, '')
    .replace(/\s+/g, ' ')
    .trim()
  const family = FAMILIES[base]
  return family === undefined ? undefined : `${family}${'[]'.repeat(dimensions / 2)}`
}
