import type { DefinedObjectModel } from '../../../../model/types.js'
import { sql } from '../../../../sql/sql.js'
import { quoteIdent } from '../../grammar/quote.js'
import type { ReadRows, Scope } from '../scope.js'
import { definedObject } from './defined-object.js'

/** Installed extensions except plpgsql, which every database has. */
export async function readExtensions(rows: ReadRows, scope: Scope): Promise<DefinedObjectModel[]> {
  const found = await rows<{ schema: string; name: string }>(sql`
    select n.nspname::text as schema, x.extname::text as name
    from pg_extension x
    join pg_namespace n on n.oid = x.extnamespace
    where x.extname <> 'plpgsql' and ${scope.requested('n')}`)
  return found.map((x) =>
    definedObject(
      'extension',
      x.schema,
      x.name,
      null,
      `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(x.name)} WITH SCHEMA ${quoteIdent(x.schema)}`,
    ),
  )
}
