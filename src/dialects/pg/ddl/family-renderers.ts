/**
 * A family's renderers: the statements of each kind of its change union, in order, each without a
 * trailing semicolon. A kind without a renderer does not compile, and neither does `changeRenderers`
 * without the family.
 */
export type FamilyRenderers<C extends { readonly kind: string }> = {
  readonly [K in C['kind']]: (change: Extract<C, { readonly kind: K }>) => string[]
}
