import type { Hazard } from '../change-parts.js'
import { tableLabel } from '../renames.js'

/** `users`, `auth.sessions`: an object as people read it (the public schema left out). */
export const label = (ref: { schema: string; name: string }): string => tableLabel(ref.schema, ref.name)

export function hazard(kind: Hazard['kind'], message: string): Hazard {
  return { kind, message }
}

/** `set`, `change` or `remove` a comment. */
export function commentVerb(change: { from: string | null; to: string | null }): string {
  return change.to === null ? 'remove' : change.from === null ? 'set' : 'change'
}
