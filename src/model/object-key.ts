/** `schema.name`: how the model refers to a table, view, enum or sequence (as in `dependsOn`). */
export function objectKey(object: { readonly schema: string; readonly name: string }): string {
  return `${object.schema}.${object.name}`
}
