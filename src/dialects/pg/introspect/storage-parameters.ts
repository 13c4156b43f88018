import type { StorageParameterModel } from '../../../model/types.js'

/**
 * reloptions (`{fillfactor=70}`) as the model holds them, sorted by name; those of a TOAST table
 * are named as they are set on its table, `toast.<name>`.
 */
export function storageParameters(
  options: readonly string[] | null,
  toastOptions: readonly string[] | null = null,
): StorageParameterModel[] {
  const split =
    (prefix: string) =>
    (option: string): StorageParameterModel => {
      const at = option.indexOf('=')
      return { name: prefix + option.slice(0, at), value: option.slice(at + 1) }
    }
  return [...(options ?? []).map(split('')), ...(toastOptions ?? []).map(split('toast.'))].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )
}
