import type { StorageParameterModel } from '../../../model/types.js'
import { type JsNode, js } from '../../../ts-printer/js-ast.js'

/**
 * `{ fillfactor: 70, autovacuum_enabled: false }`: numbers and booleans as JS values when they
 * read back as the same text, anything else as a string.
 */
export function storageParametersCode(parameters: readonly StorageParameterModel[]): JsNode {
  return js.object(
    parameters.map((p) => ({
      key: p.name,
      value:
        p.value === 'true' || p.value === 'false' || String(Number(p.value)) === p.value
          ? js.literal(p.value)
          : js.string(p.value),
    })),
  )
}
