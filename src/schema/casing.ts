/**
 * How a column without a name of its own is named in SQL, from its property key.
 * - `'snake_case'`: `displayName` is `display_name` (see `snakeCase` for acronyms and digits)
 *
 * Without a casing, the key is the SQL name as written.
 */
export type Casing = 'snake_case'

const CASINGS: readonly Casing[] = ['snake_case']

/**
 * The snake_case form of a property key. A capital letter starts a new word after a lowercase
 * letter or a digit; in a run of capitals (an acronym), the last one starts the next word when a
 * lowercase letter follows it. Digits stay with the word before them. Then all is lowercased, so
 * a key already in snake_case is unchanged.
 *
 * `displayName` → `display_name`, `userID` → `user_id`, `HTTPStatus` → `http_status`,
 * `addressLine2` → `address_line2`, `v2Name` → `v2_name`.
 */
export function snakeCase(key: string): string {
  return key
    .replace(/([\p{Ll}\p{N}])(?=\p{Lu})/gu, '$1_')
    .replace(/(\p{Lu})(?=\p{Lu}\p{Ll})/gu, '$1_')
    .toLowerCase()
}

/** The SQL name of a column declared without one: its key, in the casing if there is one. */
export function nameFromKey(key: string, casing: Casing | undefined): string {
  return casing === 'snake_case' ? snakeCase(key) : key
}

/** Checks a casing option at run time (schema modules may be plain JavaScript). */
export function checkCasing(casing: unknown, where: string): Casing | undefined {
  if (casing === undefined || CASINGS.includes(casing as Casing)) return casing as Casing | undefined
  throw new TypeError(
    `${where}: casing is ${CASINGS.map((c) => `'${c}'`).join(' or ')}, not ${JSON.stringify(casing)}`,
  )
}
