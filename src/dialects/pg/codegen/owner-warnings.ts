import type { SchemaModel } from '../../../model/types.js'

/**
 * Schema code declares no owners: a database built from it has every object owned by the role
 * that applies the migrations. pull says so for each object the database gives to another role,
 * since that role holds every privilege on it (and, for a table, bypasses its row-level security
 * unless it is forced).
 */
export function ownerWarnings(model: Pick<SchemaModel, 'owners'>): string[] {
  return (model.owners ?? []).map((o) => {
    const name = o.on === 'schema' ? o.name : `${o.schema}.${o.name}`
    return `${o.on} ${name} is owned by ${o.owner} in the database; the code does not declare owners, so a database built from it gives it to the role that applies the migrations (keep the owner with ALTER ${o.on === 'enum' || o.on === 'composite type' ? 'TYPE' : o.on.toUpperCase()} ... OWNER TO in a migration)`
  })
}
