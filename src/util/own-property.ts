/**
 * Sets `object[key]` as an own, enumerable property. Plain assignment of the key `__proto__`
 * replaces the object's prototype instead, so a column or field named `__proto__` would vanish.
 */
export function setOwnProperty(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
  } else {
    object[key] = value
  }
}
