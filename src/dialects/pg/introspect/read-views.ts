import type { StorageParameterModel, ViewModel } from '../../../model/types.js'
import { sql } from '../../../sql/sql.js'
import { trimDefinition } from '../grammar/catalog-text.js'
import { bySchemaAndName, compareText } from './order.js'
import { notExtensionMember, type ReadRows, type Scope } from './scope.js'
import { storageParameters } from './storage-parameters.js'
import { viewTextLikePg16 } from './view-text-pg15.js'

interface ViewRow {
  oid: number
  schema: string
  name: string
  materialized: boolean
  definition: string
  with_no_data: boolean
  options: string[] | null
  reads: [string, string][] | null
  comment: string | null
  defaults: [string, string][] | null
  column_comments: [string, string][] | null
}

/** Views read before dependsOn is narrowed to the relations of the model. */
export interface ViewShell extends Omit<ViewModel, 'dependsOn' | 'indexes'> {
  /** The view's pg_class oid, to find a materialized view's indexes by. */
  readonly oid: number
  /** Every relation the view's query reads, as [schema, name]. */
  readonly reads: readonly (readonly [string, string])[]
}

/**
 * Views and materialized views, their canonical query (pg_get_viewdef, pretty), what they read, their
 * comments, and the defaults and comments of their columns.
 */
export async function readViews(rows: ReadRows, scope: Scope, serverVersion: number): Promise<ViewShell[]> {
  const found = await rows<ViewRow>(sql`
    select c.oid as oid, n.nspname::text as schema, c.relname::text as name, c.relkind = 'm' as materialized,
      pg_get_viewdef(c.oid, true) as definition, c.relkind = 'm' and not c.relispopulated as with_no_data,
      (select json_agg(distinct jsonb_build_array(rn.nspname, rc.relname))
        from pg_rewrite r
        join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
          and d.refclassid = 'pg_class'::regclass and d.refobjid <> c.oid
        join pg_class rc on rc.oid = d.refobjid
        join pg_namespace rn on rn.oid = rc.relnamespace
        where r.ev_class = c.oid) as reads,
      obj_description(c.oid, 'pg_class') as comment, c.reloptions::text[] as options,
      (select json_agg(json_build_array(a.attname, pg_get_expr(d.adbin, d.adrelid)))
        from pg_attrdef d
        join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum and not a.attisdropped
        where d.adrelid = c.oid) as defaults,
      (select json_agg(json_build_array(a.attname, d.description))
        from pg_description d
        join pg_attribute a on a.attrelid = d.objoid and a.attnum = d.objsubid and not a.attisdropped
        where d.classoid = 'pg_class'::regclass and d.objoid = c.oid and d.objsubid > 0) as column_comments
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('v', 'm') and ${scope.userSchema('n')} and ${notExtensionMember('pg_class', 'c.oid')}`)
  const views: ViewShell[] = []
  for (const row of found) {
    const definition = trimDefinition(row.definition)
    views.push({
      oid: row.oid,
      schema: row.schema,
      name: row.name,
      materialized: row.materialized,
      definition: serverVersion < 160000 ? await viewTextLikePg16(definition) : definition,
      withNoData: row.with_no_data,
      storageParameters: storageParameters(row.options).map(viewOption),
      reads: row.reads ?? [],
      comment: row.comment,
      columnDefaults: (row.defaults ?? [])
        .map(([column, expression]) => ({ column, default: expression }))
        .sort((a, b) => compareText(a.column, b.column)),
      columnComments: (row.column_comments ?? [])
        .map(([column, comment]) => ({ column, comment }))
        .sort((a, b) => compareText(a.column, b.column)),
    })
  }
  return views.sort(bySchemaAndName)
}

const TRUE = /^(t|tr|tru|true|y|ye|yes|on|1)$/i
const FALSE = /^(f|fa|fal|fals|false|n|no|of|off|0)$/i

/**
 * A view's boolean options in one spelling (PostgreSQL keeps `on` or `1` as written) and its check
 * option in lower case, as the code's options give them.
 */
function viewOption(p: StorageParameterModel): StorageParameterModel {
  if (p.name === 'check_option') return { ...p, value: p.value.toLowerCase() }
  if (p.name !== 'security_barrier' && p.name !== 'security_invoker') return p
  return { ...p, value: TRUE.test(p.value) ? 'true' : FALSE.test(p.value) ? 'false' : p.value }
}

/** The view's dependsOn: the relations it reads that the model holds, as sorted `schema.name`. */
export function dependsOn(reads: ViewShell['reads'], relations: ReadonlySet<string>): string[] {
  const keys = reads.map(([schema, name]) => `${schema}.${name}`)
  return [...new Set(keys)].filter((key) => relations.has(key)).sort(compareText)
}
