import { TidemarkError } from '../errors.js'

/** A schema that PostgreSQL would reject or silently change; the message names the object and the problem. */
export class SchemaError extends TidemarkError {
  constructor(
    /** The object at fault, e.g. `table public.users, column email`. */
    readonly object: string,
    readonly problem: string,
  ) {
    super(`${object}: ${problem}`)
    this.name = 'SchemaError'
  }
}
