import type { StorageParameterModel } from '../../../model/types.js'
import type { StorageParameters } from '../../../schema/table-extras.js'

/** `fillfactor`, `autovacuum_enabled`, `toast.autovacuum_enabled`: names as PostgreSQL folds them. */
const NAME = /^([a-z_][a-z0-9_]*\.)?[a-z_][a-z0-9_]*$/

/**
 * Declared storage parameters as the model holds them: sorted by name, each value as the text
 * PostgreSQL keeps (`70`, `false`, `0.05`). `fail` is told what is wrong with one.
 */
export function storageParameterModels(
  parameters: StorageParameters | undefined,
  fail: (problem: string) => never,
): StorageParameterModel[] {
  if (parameters === undefined) return []
  return Object.entries(parameters)
    .map(([name, value]): StorageParameterModel => {
      if (!NAME.test(name)) fail(`storage parameter ${JSON.stringify(name)} is not a parameter name`)
      const text = typeof value === 'string' ? value : String(value)
      if (!['string', 'number', 'boolean'].includes(typeof value) || text === '')
        fail(`storage parameter ${name} needs a value`)
      if (typeof value === 'number' && !Number.isFinite(value))
        fail(`storage parameter ${name} needs a finite number`)
      return { name, value: text }
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
