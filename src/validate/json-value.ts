/** Whether a value survives JSON.stringify and JSON.parse unchanged: what a json column stores. */
export function isJsonValue(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value)
    case 'object': {
      if (value === null) return true
      if (Array.isArray(value)) return value.every(isJsonValue)
      const prototype = Object.getPrototypeOf(value)
      if (prototype !== Object.prototype && prototype !== null) return false
      return Object.values(value).every(isJsonValue)
    }
    case 'undefined':
    case 'bigint':
    case 'symbol':
    case 'function':
      return false
  }
}
