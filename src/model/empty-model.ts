import type { SchemaModel } from './types.js'

/** A database with nothing in it: the start of a history, or a base to spread fields over. */
export const emptyModel: SchemaModel = Object.freeze({
  dialect: 'postgresql',
  version: 1,
  schemas: [],
  enums: [],
  domains: [],
  compositeTypes: [],
  sequences: [],
  tables: [],
  views: [],
  definedObjects: [],
  grants: [],
})
