import { withOwners } from '../../model/owners.js'
import type { SchemaModel } from '../../model/types.js'

/**
 * The part of a model in the given database schemas (the whole model when none are given), so a
 * replay, which holds everything the migrations create, compares with a live reading narrowed to
 * the schemas Tidemark manages.
 */
export function restrictToSchemas(model: SchemaModel, schemas: readonly string[] | undefined): SchemaModel {
  if (schemas === undefined) return model
  const keep = new Set(schemas)
  const inScope = (object: { readonly schema: string }): boolean => keep.has(object.schema)
  return withOwners(
    {
      ...model,
      schemas: model.schemas.filter((schema) => keep.has(schema)),
      enums: model.enums.filter(inScope),
      domains: model.domains.filter(inScope),
      compositeTypes: model.compositeTypes.filter(inScope),
      sequences: model.sequences.filter(inScope),
      tables: model.tables.filter(inScope),
      views: model.views.filter(inScope),
      definedObjects: model.definedObjects.filter(inScope),
      grants: model.grants.filter(inScope),
    },
    (model.owners ?? []).filter(inScope),
  )
}
