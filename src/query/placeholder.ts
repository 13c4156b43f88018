import type { ParamEncoder } from '../sql/sql.js'
import type { PlaceholderNode } from './ast.js'

/**
 * A named value supplied when a prepared query runs.
 *
 * @example
 * const byId = db.select().from(users).where(eq(users.id, placeholder('id'))).prepare()
 * await byId.execute({ id: 42 }) // select ... where "users"."id" = $1   params: ['42']
 */
export class Placeholder<Name extends string = string> {
  declare readonly $placeholder: Name

  constructor(readonly name: Name) {
    if (typeof name !== 'string' || name === '') throw new TypeError('placeholder() needs a non-empty name')
  }

  /** @internal The node for this placeholder where it meets a column of the given encoder. */
  toNode(encode: ParamEncoder | undefined): PlaceholderNode {
    return { kind: 'placeholder', name: this.name, encode }
  }
}

export function placeholder<Name extends string>(name: Name): Placeholder<Name> {
  return new Placeholder(name)
}
