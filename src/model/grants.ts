import type { GrantModel, GrantObjectKind, SchemaModel } from './types.js'

/** The privileges each kind of object takes, in the order PostgreSQL documents them. */
export const PRIVILEGES: Readonly<Record<GrantObjectKind, readonly string[]>> = {
  schema: ['USAGE', 'CREATE'],
  table: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN'],
  sequence: ['USAGE', 'SELECT', 'UPDATE'],
  function: ['EXECUTE'],
  procedure: ['EXECUTE'],
}

/** The privileges a single column takes (column-level grants). */
export const COLUMN_PRIVILEGES: readonly string[] = ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES']

/** `table:public.notes`: the object a grant is on. */
export function grantObjectKey(grant: Pick<GrantModel, 'on' | 'schema' | 'name'>): string {
  return `${grant.on}:${grant.schema}.${grant.name}`
}

/** The same privilege of the same role on the same object (or column), whatever its grant option. */
export function grantKey(grant: GrantModel): string {
  return JSON.stringify([grant.on, grant.schema, grant.name, grant.column, grant.grantee, grant.privilege])
}

/** The model's order: by object, column (the whole object first), grantee and privilege. */
export function compareGrants(a: GrantModel, b: GrantModel): number {
  return (
    compare(a.on, b.on) ||
    compare(a.schema, b.schema) ||
    compare(a.name, b.name) ||
    compare(a.column ?? '', b.column ?? '') ||
    compare(a.grantee, b.grantee) ||
    compare(a.privilege, b.privilege) ||
    Number(a.grantable) - Number(b.grantable)
  )
}

/**
 * What PostgreSQL grants by itself on an object it creates, besides the owner's own privileges:
 * EXECUTE for PUBLIC on a function or procedure, nothing on the other kinds.
 */
export function defaultGrants(on: GrantObjectKind, schema: string, name: string): GrantModel[] {
  if (on !== 'function' && on !== 'procedure') return []
  return [{ on, schema, name, column: null, grantee: 'public', privilege: 'EXECUTE', grantable: false }]
}

/**
 * Whether a model's grants say more than PostgreSQL's defaults: a schema that declares no grant
 * (and revokes no routine's EXECUTE from PUBLIC) leaves grants to its migrations.
 */
export function declaresGrants(model: SchemaModel): boolean {
  const defaults = new Set(
    model.definedObjects
      .filter((o) => o.kind === 'function' || o.kind === 'procedure')
      .flatMap((o) => defaultGrants(o.kind as GrantObjectKind, o.schema, o.name))
      .map(grantKey),
  )
  const held = new Set(model.grants.map(grantKey))
  return (
    model.grants.some((g) => g.grantable || !defaults.has(grantKey(g))) ||
    [...defaults].some((key) => !held.has(key))
  )
}

/** The objects of a model that grants are kept for: its schemas, relations, sequences and routines. */
export function grantableObjectList(
  model: Omit<SchemaModel, 'grants'>,
): { readonly on: GrantObjectKind; readonly schema: string; readonly name: string }[] {
  return [
    ...model.schemas.map((s) => ({ on: 'schema' as const, schema: s, name: s })),
    ...[...model.tables, ...model.views].map((r) => ({
      on: 'table' as const,
      schema: r.schema,
      name: r.name,
    })),
    ...model.sequences.map((s) => ({ on: 'sequence' as const, schema: s.schema, name: s.name })),
    ...model.definedObjects
      .filter((o) => o.kind === 'function' || o.kind === 'procedure')
      .map((o) => ({ on: o.kind as 'function' | 'procedure', schema: o.schema, name: o.name })),
  ]
}

/** The same objects, by grantObjectKey. */
export function grantableObjects(model: Omit<SchemaModel, 'grants'>): Set<string> {
  return new Set(grantableObjectList(model).map(grantObjectKey))
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
