import type { OwnedObjectKind, OwnerModel, SchemaModel } from './types.js'

/** An object an owner is kept for. */
export interface OwnedObject {
  readonly on: OwnedObjectKind
  readonly schema: string
  readonly name: string
}

/** `table:public.users`: the object an owner is of. */
export function ownedObjectKey(object: OwnedObject): string {
  return `${object.on}:${object.schema}.${object.name}`
}

/** The model's order: by kind, schema and name. */
export function compareOwners(a: OwnerModel, b: OwnerModel): number {
  return compare(a.on, b.on) || compare(a.schema, b.schema) || compare(a.name, b.name)
}

/**
 * The objects of a model that owners are kept for: its schemas, tables, views, sequences not owned
 * by a column, functions and procedures, enums, domains and composite types.
 */
export function ownedObjectList(model: Omit<SchemaModel, 'grants' | 'owners'>): OwnedObject[] {
  const at = (on: OwnedObjectKind) => (o: { schema: string; name: string }) => ({
    on,
    schema: o.schema,
    name: o.name,
  })
  return [
    ...model.schemas.map((s) => ({ on: 'schema' as const, schema: s, name: s })),
    ...model.tables.map(at('table')),
    ...model.views.map((v) => at(v.materialized ? 'materialized view' : 'view')(v)),
    ...model.sequences.filter((s) => s.ownedBy === null).map(at('sequence')),
    ...model.definedObjects
      .filter((o) => o.kind === 'function' || o.kind === 'procedure')
      .map((o) => at(o.kind as 'function' | 'procedure')(o)),
    ...model.enums.map(at('enum')),
    ...model.domains.map(at('domain')),
    ...model.compositeTypes.map(at('composite type')),
  ]
}

/** The owner of each object that has one other than the migrations' role, by ownedObjectKey. */
export function ownersByObject(model: Pick<SchemaModel, 'owners'>): Map<string, string> {
  return new Map((model.owners ?? []).map((o) => [ownedObjectKey(o), o.owner]))
}

/**
 * The model with these owners, sorted; without the field when there is none, so that a model whose
 * objects all belong to the migrations' role is the same whether it was read or declared.
 */
export function withOwners(model: SchemaModel, owners: readonly OwnerModel[]): SchemaModel {
  const { owners: _dropped, ...rest } = model
  return owners.length === 0 ? rest : { ...rest, owners: [...owners].sort(compareOwners) }
}

/** The owners of `source` whose objects `target` has too: what a model that declares none keeps. */
export function keptOwners(source: Pick<SchemaModel, 'owners'>, target: SchemaModel): OwnerModel[] {
  const objects = new Set(ownedObjectList(target).map(ownedObjectKey))
  return (source.owners ?? []).filter((o) => objects.has(ownedObjectKey(o)))
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
