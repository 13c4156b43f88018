import { sql } from '../../../sql/sql.js'

/**
 * SQL that prints the collation `oid` as PostgreSQL does with an empty search_path: bare (quoted
 * when needed) in pg_catalog, schema-qualified elsewhere.
 */
export function collationName(oid: string) {
  return sql.raw(`(select case when cn.nspname = 'pg_catalog' then quote_ident(co.collname)
      else quote_ident(cn.nspname) || '.' || quote_ident(co.collname) end
    from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace where co.oid = ${oid})`)
}

/** The same for the operator class `oid`. */
export function opclassName(oid: string) {
  return sql.raw(`(select case when cn.nspname = 'pg_catalog' then quote_ident(oc.opcname)
      else quote_ident(cn.nspname) || '.' || quote_ident(oc.opcname) end
    from pg_opclass oc join pg_namespace cn on cn.oid = oc.opcnamespace where oc.oid = ${oid})`)
}

/** A function reference (regproc) column as text, or null when it is unset (0). */
export function routineName(column: string) {
  return sql.raw(`case when ${column}::oid <> 0 then ${column}::regproc::text end`)
}
