import type { IndexModel } from '../../../model/types.js'
import { sql } from '../../../sql/sql.js'
import { indexElements } from './index-elements.js'
import { byName } from './order.js'
import { notExtensionMember, type ReadRows, type Scope } from './scope.js'
import { storageParameters } from './storage-parameters.js'

interface IndexRow {
  table_oid: number
  name: string
  unique: boolean
  method: string
  key_count: number
  definition: string
  /** Per attribute: column name (null for an expression), indoption bits, the key as printed alone. */
  attributes: [string | null, number | null, string | null][]
  predicate: string | null
  nulls_not_distinct: boolean
  options: string[] | null
  comment: string | null
}

/**
 * Indexes by the oid of their table or materialized view, without those that back a primary key, unique or exclusion constraint
 * (the constraint already describes them).
 */
export async function readIndexes(rows: ReadRows, scope: Scope): Promise<Map<number, IndexModel[]>> {
  const found = await rows<IndexRow>(sql`
    select x.indrelid as table_oid, i.relname::text as name, x.indisunique as unique, am.amname::text as method,
      x.indnkeyatts::int as key_count, pg_get_indexdef(x.indexrelid) as definition,
      (select json_agg(json_build_array(a.attname, u.option,
          case when u.ord <= x.indnkeyatts then coalesce(quote_ident(a.attname), pg_get_indexdef(x.indexrelid, u.ord::int, false)) end)
          order by u.ord)
        from unnest(x.indkey::int2[], x.indoption::int2[]) with ordinality u(num, option, ord)
        left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = u.num and u.num > 0) as attributes,
      pg_get_expr(x.indpred, x.indrelid) as predicate, x.indnullsnotdistinct as nulls_not_distinct,
      i.reloptions::text[] as options, obj_description(i.oid, 'pg_class') as comment
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_am am on am.oid = i.relam
    join pg_class c on c.oid = x.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'm') and ${scope.userSchema('n')} and ${notExtensionMember('pg_class', 'c.oid')}
      -- An index PostgreSQL builds on a partition for an index of its parent is attached to it.
      and not exists (select from pg_inherits ih where ih.inhrelid = x.indexrelid)
      and not exists (select from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid
        and k.contype in ('p', 'u', 'x'))`)

  const byTable = new Map<number, IndexModel[]>()
  for (const row of found) {
    const keys = row.attributes.slice(0, row.key_count).map(([column, option, printed]) => ({
      column,
      option: option ?? 0,
      printed: printed!,
    }))
    const index: IndexModel = {
      name: row.name,
      unique: row.unique,
      method: row.method,
      elements: indexElements(row.name, row.definition, keys),
      include: row.attributes.slice(row.key_count).map(([column]) => column!),
      where: row.predicate,
      nullsNotDistinct: row.nulls_not_distinct,
      storageParameters: storageParameters(row.options),
      comment: row.comment,
    }
    const list = byTable.get(row.table_oid)
    if (list === undefined) byTable.set(row.table_oid, [index])
    else list.push(index)
  }
  for (const list of byTable.values()) list.sort(byName)
  return byTable
}
