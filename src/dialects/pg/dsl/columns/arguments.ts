/** Column factories take `(name?, options?)` or `(options?)`; this splits the two forms. */
export function nameAndOptions<O extends object>(
  nameOrOptions: string | O | undefined,
  options: O | undefined,
): { name: string | undefined; options: Partial<O> } {
  if (typeof nameOrOptions === 'string') return { name: nameOrOptions, options: options ?? {} }
  return { name: undefined, options: nameOrOptions ?? options ?? {} }
}

/** Validates a type modifier such as varchar(n) or timestamp(p) at definition time. */
export function checkTypmod(
  type: string,
  what: string,
  value: number | undefined,
  min: number,
  max: number,
): void {
  if (value === undefined) return
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${type} ${what} must be an integer from ${min} to ${max}, got ${value}`)
  }
}
