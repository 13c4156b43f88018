/**
 * Reads what PostgreSQL itself stored for the user schemas of a database, straight from pg_catalog,
 * with an empty search_path and UTC, so tests can compare it with the schema model's predictions.
 * Deliberately independent of Tidemark's own code paths (only `execute` and `sql.raw`).
 */
import { type Database, sql } from 'tidemark'

export interface CatalogColumn {
  name: string
  type: string
  dimensions: number
  notNull: boolean
  default: string | null
  identity: 'always' | 'by default' | null
  generated: string | null
}

export interface CatalogSequence {
  type: string
  start: string
  increment: string
  min: string
  max: string
  cache: string
  cycle: boolean
  /** `schema.table.column` the sequence is OWNED BY (serial, identity or by hand), or null. */
  ownedBy: string | null
}

export interface CatalogSnapshot {
  schemas: string[]
  tables: Record<string, CatalogColumn[]>
  /** `schema.table` -> constraint name -> [type letter, definition]. */
  constraints: Record<string, Record<string, [string, string]>>
  /** `schema.table` -> index name -> pg_get_indexdef. */
  indexes: Record<string, Record<string, string>>
  sequences: Record<string, CatalogSequence>
  enums: Record<string, string[]>
  /** `schema.view` -> materialized or not, and pg_get_viewdef. */
  views: Record<string, { materialized: boolean; definition: string }>
  /**
   * `table s.t`, `column s.t.c`, `view s.v`, `materialized view s.v`, `index s.i`, `type s.e`,
   * `constraint s.t.k` (a table's), `policy s.t.p` -> the comment.
   */
  comments: Record<string, string>
  /** `schema.table` -> relrowsecurity, relforcerowsecurity, for tables with either set. */
  rowLevelSecurity: Record<string, { enabled: boolean; forced: boolean }>
  /** `schema.table` -> policy name -> what pg_policies shows of it. */
  policies: Record<string, Record<string, CatalogPolicy>>
  /** `schema.table` -> pg_get_partkeydef, parent and pg_get_expr(relpartbound), for partitioned tables and partitions. */
  partitions: Record<string, { key: string | null; parent: string | null; bound: string | null }>
  /** `schema.name(identity args)` -> pg_get_functiondef and the comment, for routines no extension owns. */
  routines: Record<string, { definition: string; comment: string | null }>
  /** `schema.table.trigger` -> pg_get_triggerdef, tgenabled and the comment, for user triggers. */
  triggers: Record<string, { definition: string; enabled: string; comment: string | null }>
  /** extension name -> its schema (plpgsql left out). */
  extensions: Record<string, string>
  /** `schema.name` -> a domain's or standalone composite type's definition, read from pg_type. */
  types: Record<string, string>
  /**
   * What a relation or column is created with beyond its shape, for those that have any:
   * `column s.t.c` -> `collate "C"`, `table s.t` -> `unlogged; replica identity f; with fillfactor=70`, `view s.v` -> `with security_invoker=true`,
   * `column s.v.c` -> `default 'x'::text` (a view column's default).
   */
  options: Record<string, string>
}

export interface CatalogPolicy {
  permissive: string
  command: string
  roles: string[]
  using: string | null
  withCheck: string | null
}

const userSchemas = `n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast_temp%'`

export async function readCatalog(db: Database): Promise<CatalogSnapshot> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local search_path = ''`))
    await tx.execute(sql.raw(`set local timezone = 'UTC'`))
    const q = async <R>(text: string) => (await tx.execute<R>(sql.raw(text))).rows
    const snapshot: CatalogSnapshot = {
      schemas: [],
      tables: {},
      constraints: {},
      indexes: {},
      sequences: {},
      enums: {},
      views: {},
      comments: {},
      rowLevelSecurity: {},
      policies: {},
      partitions: {},
      routines: {},
      triggers: {},
      extensions: {},
      types: {},
      options: {},
    }
    snapshot.schemas = (
      await q<{ name: string }>(
        `select nspname as name from pg_namespace n where ${userSchemas} and nspname <> 'public' order by 1`,
      )
    ).map((r) => r.name)
    const columns = await q<{ rel: string } & CatalogColumn>(`
      select n.nspname || '.' || c.relname as rel, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
             a.attndims as dimensions, a.attnotnull as "notNull",
             case when a.attgenerated = '' then pg_get_expr(d.adbin, d.adrelid) end as default,
             case a.attidentity when 'a' then 'always' when 'd' then 'by default' end as identity,
             case when a.attgenerated <> '' then pg_get_expr(d.adbin, d.adrelid) end as generated
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and ${userSchemas}
      order by 1, a.attnum`)
    for (const { rel, ...column } of columns) entry(snapshot.tables, rel, []).push(column)
    for (const row of await q<{ rel: string; name: string; type: string; def: string }>(`
      select n.nspname || '.' || c.relname as rel, k.conname as name, k.contype::text as type, pg_get_constraintdef(k.oid) as def
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where ${userSchemas} and k.contype in ('p', 'u', 'f', 'c') order by 1, 2`)) {
      entry(snapshot.constraints, row.rel, {})[row.name] = [row.type, row.def]
    }
    for (const row of await q<{ rel: string; name: string; def: string }>(`
      select n.nspname || '.' || t.relname as rel, i.relname as name, pg_get_indexdef(i.oid) as def
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace where ${userSchemas} order by 1, 2`)) {
      entry(snapshot.indexes, row.rel, {})[row.name] = row.def
    }
    for (const row of await q<CatalogSequence & { rel: string }>(`
      select n.nspname || '.' || c.relname as rel, format_type(s.seqtypid, null) as type, s.seqstart::text as start,
             s.seqincrement::text as increment, s.seqmin::text as min, s.seqmax::text as max, s.seqcache::text as cache, s.seqcycle as cycle,
             (select tn.nspname || '.' || t.relname || '.' || a.attname from pg_depend d
               join pg_class t on t.oid = d.refobjid join pg_namespace tn on tn.oid = t.relnamespace
               join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
               where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass
                 and d.deptype in ('a', 'i')) as "ownedBy"
      from pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace
      where ${userSchemas} order by 1`)) {
      const { rel, ...rest } = row
      snapshot.sequences[rel] = rest
    }
    for (const row of await q<{ name: string; labels: string[] }>(`
      select n.nspname || '.' || t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
      from pg_enum e join pg_type t on t.oid = e.enumtypid join pg_namespace n on n.oid = t.typnamespace
      group by 1 order by 1`)) {
      snapshot.enums[row.name] = row.labels
    }
    for (const row of await q<{ rel: string; materialized: boolean; definition: string }>(`
      select n.nspname || '.' || c.relname as rel, c.relkind = 'm' as materialized, pg_get_viewdef(c.oid) as definition
      from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('v', 'm') and ${userSchemas} order by 1`)) {
      snapshot.views[row.rel] = { materialized: row.materialized, definition: row.definition }
    }
    for (const row of await q<{ key: string; text: string }>(`
      select case when d.objsubid > 0 then 'column' when c.relkind = 'v' then 'view'
               when c.relkind = 'm' then 'materialized view' when c.relkind in ('i', 'I') then 'index' else 'table' end
             || ' ' || n.nspname || '.' || c.relname || coalesce('.' || a.attname, '') as key, d.description as text
      from pg_description d join pg_class c on d.classoid = 'pg_class'::regclass and c.oid = d.objoid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_attribute a on d.objsubid > 0 and a.attrelid = c.oid and a.attnum = d.objsubid
      where c.relkind in ('r', 'p', 'v', 'm', 'i', 'I') and ${userSchemas}
      union all
      select 'constraint ' || n.nspname || '.' || c.relname || '.' || k.conname, d.description
      from pg_description d join pg_constraint k on d.classoid = 'pg_constraint'::regclass and k.oid = d.objoid
      join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where ${userSchemas}
      union all
      select 'policy ' || n.nspname || '.' || c.relname || '.' || p.polname, d.description
      from pg_description d join pg_policy p on d.classoid = 'pg_policy'::regclass and p.oid = d.objoid
      join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
      where ${userSchemas}
      union all
      select 'type ' || n.nspname || '.' || t.typname, d.description
      from pg_description d join pg_type t on d.classoid = 'pg_type'::regclass and t.oid = d.objoid
      join pg_namespace n on n.oid = t.typnamespace
      where t.typtype in ('e', 'd', 'c') and ${userSchemas}
      order by 1`)) {
      snapshot.comments[row.key] = row.text
    }
    for (const row of await q<{ rel: string; enabled: boolean; forced: boolean }>(`
      select n.nspname || '.' || c.relname as rel, c.relrowsecurity as enabled, c.relforcerowsecurity as forced
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where (c.relrowsecurity or c.relforcerowsecurity) and ${userSchemas} order by 1`)) {
      snapshot.rowLevelSecurity[row.rel] = { enabled: row.enabled, forced: row.forced }
    }
    for (const row of await q<{ rel: string; name: string } & CatalogPolicy>(`
      select schemaname || '.' || tablename as rel, policyname as name, permissive, cmd as command,
        array(select r::text from unnest(roles) r order by 1) as roles, qual as using, with_check as "withCheck"
      from pg_policies where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`)) {
      const { rel, name, ...policy } = row
      entry(snapshot.policies, rel, {})[name] = policy
    }
    for (const row of await q<{
      rel: string
      key: string | null
      parent: string | null
      bound: string | null
    }>(`
      select n.nspname || '.' || c.relname as rel,
        case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as key,
        (select pn.nspname || '.' || pc.relname from pg_inherits i join pg_class pc on pc.oid = i.inhparent
          join pg_namespace pn on pn.oid = pc.relnamespace where i.inhrelid = c.oid) as parent,
        case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as bound
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and (c.relkind = 'p' or c.relispartition) and ${userSchemas} order by 1`)) {
      const { rel, ...partitioning } = row
      snapshot.partitions[rel] = partitioning
    }
    for (const row of await q<{ id: string; definition: string; comment: string | null }>(`
      select n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as id,
        pg_get_functiondef(p.oid) as definition, obj_description(p.oid, 'pg_proc') as comment
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prokind in ('f', 'p') and ${userSchemas}
        and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
      order by 1`)) {
      const { id, ...routine } = row
      snapshot.routines[id] = routine
    }
    for (const row of await q<{ id: string; definition: string; enabled: string; comment: string | null }>(`
      select n.nspname || '.' || c.relname || '.' || t.tgname as id, pg_get_triggerdef(t.oid) as definition,
        t.tgenabled::text as enabled, obj_description(t.oid, 'pg_trigger') as comment
      from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where not t.tgisinternal and ${userSchemas} order by 1`)) {
      const { id, ...trigger } = row
      snapshot.triggers[id] = trigger
    }
    for (const row of await q<{ name: string; schema: string }>(`
      select x.extname as name, n.nspname as schema from pg_extension x join pg_namespace n on n.oid = x.extnamespace
      where x.extname <> 'plpgsql' order by 1`)) {
      snapshot.extensions[row.name] = row.schema
    }
    for (const row of await q<{ name: string; definition: string }>(`
      select n.nspname || '.' || t.typname as name, 'domain ' || format_type(t.typbasetype, t.typtypmod)
          || case when t.typcollation <> b.typcollation then ' collate ' || t.typcollation::regcollation::text else '' end
          || coalesce(' default ' || pg_get_expr(t.typdefaultbin, 0), '')
          || case when t.typnotnull then ' not null' else '' end
          || coalesce((select string_agg(' ' || k.conname || ' ' || pg_get_constraintdef(k.oid), '' order by k.conname)
            from pg_constraint k where k.contypid = t.oid and k.contype = 'c'), '') as definition
      from pg_type t join pg_type b on b.oid = t.typbasetype join pg_namespace n on n.oid = t.typnamespace
      where t.typtype = 'd' and ${userSchemas}
      union all
      select n.nspname || '.' || t.typname, 'composite (' || coalesce((select string_agg(a.attname || ' '
          || format_type(a.atttypid, a.atttypmod) || case when a.attcollation <> at.typcollation
            then ' collate ' || a.attcollation::regcollation::text else '' end, ', ' order by a.attnum)
          from pg_attribute a join pg_type at on at.oid = a.atttypid
          where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped), '') || ')'
      from pg_type t join pg_class c on c.oid = t.typrelid join pg_namespace n on n.oid = t.typnamespace
      where t.typtype = 'c' and c.relkind = 'c' and ${userSchemas}
      order by 1`)) {
      snapshot.types[row.name] = row.definition
    }
    for (const row of await q<{ key: string; text: string }>(`
      select 'column ' || n.nspname || '.' || c.relname || '.' || a.attname as key,
        'collate ' || a.attcollation::regcollation::text as text
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_type t on t.oid = a.atttypid
      where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and a.attcollation <> t.typcollation
        and ${userSchemas}
      union all
      select 'column ' || n.nspname || '.' || c.relname || '.' || a.attname, 'default ' || pg_get_expr(d.adbin, d.adrelid)
      from pg_attrdef d join pg_class c on c.oid = d.adrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
      where c.relkind = 'v' and ${userSchemas}
      order by 1`)) {
      snapshot.options[row.key] = row.text
    }
    for (const row of await q<{ key: string; text: string }>(`
      select case c.relkind when 'v' then 'view ' when 'm' then 'materialized view ' else 'table ' end
          || n.nspname || '.' || c.relname as key, concat_ws('; ',
          case when c.relpersistence = 'u' then 'unlogged' end,
          case when c.relreplident <> 'd' and c.relkind in ('r', 'p') then 'replica identity ' || c.relreplident::text || coalesce(' ' || (
            select i.relname from pg_index x join pg_class i on i.oid = x.indexrelid
            where x.indrelid = c.oid and x.indisreplident), '') end,
          (select 'with ' || string_agg(o, ', ' order by o) from unnest(c.reloptions) o),
          (select 'toast ' || string_agg(o, ', ' order by o) from unnest(t.reloptions) o)) as text
      from pg_class c join pg_namespace n on n.oid = c.relnamespace left join pg_class t on t.oid = c.reltoastrelid
      where c.relkind in ('r', 'p', 'v', 'm') and ${userSchemas}
      order by 1`)) {
      if (row.text !== '') snapshot.options[row.key] = row.text
    }
    return snapshot
  })
}

function entry<T>(record: Record<string, T>, key: string, empty: T): T {
  if (!(key in record)) record[key] = empty
  return record[key]!
}

/** Creates every statement of a model in one transaction. */
export async function applyStatements(db: Database, statements: readonly string[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement))
  })
}

/** The catalog without the migrations' own journal table, which the source database never had. */
export function withoutJournal(snapshot: CatalogSnapshot): CatalogSnapshot {
  const records = [
    snapshot.tables,
    snapshot.constraints,
    snapshot.indexes,
    snapshot.sequences,
    snapshot.options,
  ]
  for (const record of records) {
    for (const key of Object.keys(record)) if (key.includes('tidemark_migrations')) delete record[key]
  }
  return snapshot
}
