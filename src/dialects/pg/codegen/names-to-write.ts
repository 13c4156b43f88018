/** An object that may be left unnamed in code, with the name toModel would give it then. */
export interface NameCandidate {
  readonly schema: string
  /** Its name in the database. */
  readonly name: string
  /** toModel's first choice for it when unnamed (PostgreSQL's `<table>_<columns>_<label>`), if any. */
  readonly defaultName: string | undefined
}

/**
 * The candidates whose names code must spell out. A name is left out only when it is the default
 * and no other name in the schema (written names, tables, views, sequences, other defaults) takes
 * it first, so toModel is certain to choose it whatever order it allocates in. Spelling a name out
 * takes it from the defaults, so the check repeats until nothing changes.
 */
export function namesToWrite(
  candidates: readonly NameCandidate[],
  fixed: readonly { readonly schema: string; readonly name: string }[],
): Set<NameCandidate> {
  const written = new Set(candidates.filter((c) => c.defaultName !== c.name))
  const key = (schema: string, name: string): string => JSON.stringify([schema, name])
  for (;;) {
    const taken = new Set([...fixed, ...written].map((o) => key(o.schema, o.name)))
    const defaults = new Map<string, number>()
    for (const c of candidates) {
      if (!written.has(c)) defaults.set(key(c.schema, c.name), (defaults.get(key(c.schema, c.name)) ?? 0) + 1)
    }
    const contested = candidates.filter((c) => {
      const k = key(c.schema, c.name)
      return !written.has(c) && (taken.has(k) || defaults.get(k)! > 1)
    })
    if (contested.length === 0) return written
    for (const c of contested) written.add(c)
  }
}
