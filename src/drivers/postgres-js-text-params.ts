import type postgres from 'postgres'

/**
 * postgres.js describes each statement and then re-serializes every parameter with the serializer
 * of the type the server inferred, whatever the value already is: the text 'true' bound to a bool
 * becomes 'f', text bound to json is JSON-encoded again, text bound to bytea is hex-encoded again.
 * Tidemark's parameters are already PostgreSQL text, so they travel wrapped in TextParam, and the
 * client's serializer table is wrapped once so a TextParam passes through untouched. Every other
 * value (the application's own postgres.js queries) still meets the original serializers.
 */

/** A parameter that is already PostgreSQL text. */
export class TextParam {
  constructor(readonly text: string) {}

  // Types without a serializer are sent as `'' + value`.
  [Symbol.toPrimitive](): string {
    return this.text
  }
}

const wrapped = Symbol.for('tidemark.textParamSerializers')

type Serializer = (value: unknown) => unknown

/** Makes the client send TextParam values as they are. Idempotent. */
export function acceptTextParams(sql: postgres.Sql): void {
  const options = sql.options as unknown as { serializers: Record<PropertyKey, Serializer> }
  if (options.serializers[wrapped]) return
  options.serializers = new Proxy(options.serializers, {
    get(target, key, receiver) {
      if (key === wrapped) return true
      const serialize: unknown = Reflect.get(target, key, receiver)
      if (typeof serialize !== 'function') return serialize
      return (value: unknown) => (value instanceof TextParam ? value.text : (serialize as Serializer)(value))
    },
  })
}
