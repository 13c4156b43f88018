import { objectKey } from './object-key.js'
import type { CompositeTypeModel, DomainModel } from './types.js'

export type UserType =
  | { readonly kind: 'domain'; readonly model: DomainModel }
  | { readonly kind: 'composite type'; readonly model: CompositeTypeModel }

/**
 * Domains and composite types after the domains and composites they are made of (a domain over a
 * domain, a composite with a domain attribute); ties stay in the model's order, domains first.
 */
export function typesInDependencyOrder(
  domains: readonly DomainModel[],
  compositeTypes: readonly CompositeTypeModel[],
): UserType[] {
  const all: UserType[] = [
    ...domains.map((model) => ({ kind: 'domain' as const, model })),
    ...compositeTypes.map((model) => ({ kind: 'composite type' as const, model })),
  ]
  const byKey = new Map(all.map((t) => [objectKey(t.model), t]))
  const ordered: UserType[] = []
  const done = new Set<string>()
  const visiting = new Set<string>()
  const visit = (type: UserType): void => {
    const key = objectKey(type.model)
    if (done.has(key) || visiting.has(key)) return
    visiting.add(key)
    const uses = type.kind === 'domain' ? [type.model.type] : type.model.attributes.map((a) => a.type)
    for (const used of uses) {
      const target = byKey.get(typeKey(used))
      if (target !== undefined) visit(target)
    }
    visiting.delete(key)
    done.add(key)
    ordered.push(type)
  }
  for (const type of all) visit(type)
  return ordered
}

/**
 * `schema.name` of a type as format_type() prints it, without array brackets or quotes:
 * `public."Mood"[]` is `public.Mood`. Built-in types give their bare name.
 */
export function typeKey(type: string): string {
  return type
    .replace(/(\[\])+$/, '')
    .replace(/"((?:[^"]|"")*)"/g, (_, inner: string) => inner.replaceAll('""', '"'))
}
