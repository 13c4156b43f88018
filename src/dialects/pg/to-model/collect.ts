import { SchemaError } from '../../../model/schema-error.js'
import { kindOf } from '../../../schema/kind.js'
import { type AnyTable, tableDefinition } from '../../../schema/table.js'
import type { View } from '../../../schema/view.js'
import type { PgEnum } from '../enum-type.js'
import type { PgNamespace } from '../namespace.js'
import type { PgSequence } from '../sequence.js'

/** The schema objects found in what was passed to toModel, each once. */
export interface CollectedSchema {
  readonly tables: AnyTable[]
  readonly views: View[]
  readonly enums: PgEnum[]
  readonly sequences: PgSequence[]
  readonly namespaces: string[]
}

/**
 * Finds schema objects among module exports: a module namespace (`import * as schema`), an object of
 * exports, an array, or the objects themselves. Other exports are ignored.
 */
export function collect(sources: readonly unknown[]): CollectedSchema {
  const found: CollectedSchema = { tables: [], views: [], enums: [], sequences: [], namespaces: [] }
  const seen = new Set<unknown>()
  const add = (value: unknown): void => {
    if (seen.has(value)) return
    seen.add(value)
    switch (kindOf(value)) {
      case 'table':
        found.tables.push(value as AnyTable)
        return
      case 'view':
        found.views.push(value as View)
        return
      case 'enum':
        found.enums.push(value as PgEnum)
        return
      case 'sequence':
        found.sequences.push(value as PgSequence)
        return
      case 'namespace':
        found.namespaces.push((value as PgNamespace).name)
        return
      case undefined:
        return
    }
  }
  for (const source of sources) {
    if (kindOf(source) !== undefined) add(source)
    else if (Array.isArray(source)) source.forEach(add)
    else if (typeof source === 'object' && source !== null) Object.values(source).forEach(add)
    else throw new TypeError(`toModel() takes schema modules or schema objects, got ${String(source)}`)
  }
  // Enums used by columns belong to the schema even when the module does not export them.
  for (const table of found.tables) {
    for (const column of Object.values(table[tableDefinition].columns)) {
      const enumInfo = column.config.type.enum
      if (enumInfo === undefined) continue
      const known = found.enums.find((e) => e.schema === enumInfo.schema && e.enumName === enumInfo.name)
      if (known === undefined) found.enums.push(enumFromColumn(enumInfo))
      else if (known.values.join('\u0000') !== enumInfo.values.join('\u0000')) {
        throw new SchemaError(
          `enum ${enumInfo.schema}.${enumInfo.name}`,
          'two different declarations use this name; declare the enum once and share it',
        )
      }
    }
  }
  return found
}

function enumFromColumn(info: { schema: string; name: string; values: readonly string[] }): PgEnum {
  return { schema: info.schema, enumName: info.name, values: info.values } as unknown as PgEnum
}
