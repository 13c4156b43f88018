/** int8 (bigint) text: as a JS number when it fits exactly, or as a bigint. */

const integerPattern = /^[+-]?\d+$/

/**
 * Reads int8 text as a number. Throws a RangeError rather than round: a silently wrong id is worse
 * than a loud failure.
 */
export function parseInt8AsNumber(text: string): number {
  const value = parseInt8AsBigInt(text)
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(
      `int8 value ${text} does not fit in a JS number without losing precision; ` +
        `declare the column with bigint({ mode: 'bigint' }) to read it as a bigint`,
    )
  }
  return Number(value)
}

/** Reads int8 text as a bigint. */
export function parseInt8AsBigInt(text: string): bigint {
  if (!integerPattern.test(text)) throw new SyntaxError(`Invalid int8 text: ${JSON.stringify(text)}`)
  return BigInt(text)
}
