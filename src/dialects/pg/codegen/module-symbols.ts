import type { ColumnModel, CompositeTypeModel, TableModel } from '../../../model/types.js'
import { type Casing, nameFromKey } from '../../../schema/casing.js'
import { DEFAULT_SCHEMA } from '../../../schema/kind.js'
import { camelCase, NameScope } from '../../../ts-printer/js-names.js'
import { IMPORTABLE } from './imports.js'

export type ObjectKind =
  | 'table'
  | 'view'
  | 'enum'
  | 'domain'
  | 'composite type'
  | 'sequence'
  | 'extension'
  | 'function'
  | 'procedure'
  | 'trigger'

interface Named {
  readonly schema: string
  readonly name: string
}

const SUFFIX: Record<ObjectKind | 'schema' | 'type', string> = {
  table: 'Table',
  view: 'View',
  enum: 'Enum',
  domain: 'Domain',
  'composite type': 'Type',
  sequence: 'Sequence',
  extension: 'Extension',
  function: 'Function',
  procedure: 'Procedure',
  trigger: 'Trigger',
  schema: 'Schema',
  type: 'Type',
}

/**
 * The module's identifiers: a camelCase variable per schema object and a camelCase property key per
 * column, all distinct, none shadowing an import, none a reserved word. Objects in `public` are
 * named first, so they keep the plain names.
 */
export class ModuleSymbols {
  // `t` is the parameter of every table's extras callback.
  private readonly scope = NameScope.forBindings([...IMPORTABLE, 't'])
  private readonly variables = new Map<string, string>()
  private readonly columnKeys = new Map<string, Map<string, string>>()

  constructor(
    objects: readonly { readonly kind: ObjectKind; readonly object: Named }[],
    schemas: readonly string[],
    /** The casing tables are declared in: a key is chosen, when one can be, that it names as the column. */
    private readonly casing: Casing | undefined = undefined,
  ) {
    const inPublic = objects.filter((o) => o.object.schema === DEFAULT_SCHEMA)
    const elsewhere = objects.filter((o) => o.object.schema !== DEFAULT_SCHEMA)
    for (const { kind, object } of [...inPublic, ...elsewhere]) {
      const base = shortName(object.name)
      const plain = camelCase(base)
      const qualified = object.schema === DEFAULT_SCHEMA ? '' : camelCase(`${object.schema}_${base}`)
      const variable = this.scope.claim([plain, qualified, `${qualified || plain || kind}${SUFFIX[kind]}`])
      this.variables.set(variableKey(kind, object), variable)
    }
    for (const schema of schemas) {
      const plain = camelCase(schema)
      this.variables.set(schemaKey(schema), this.scope.claim([plain, `${plain || 'schema'}${SUFFIX.schema}`]))
    }
  }

  variable(kind: ObjectKind, object: Named): string {
    const found = this.variables.get(variableKey(kind, object))
    if (found === undefined) throw new Error(`no variable for ${kind} ${object.schema}.${object.name}`)
    return found
  }

  /** The variable of a named schema (`auth`), or undefined for `public`. */
  schemaVariable(schema: string): string | undefined {
    return schema === DEFAULT_SCHEMA ? undefined : this.variables.get(schemaKey(schema))
  }

  /** A variable for a custom type, named after its data type (`tsvector`, `bit8`). */
  customTypeVariable(dataType: string): string {
    const key = JSON.stringify(['type', dataType])
    let variable = this.variables.get(key)
    if (variable === undefined) {
      const plain = camelCase(dataType.replace(/^public\./, ''))
      variable = this.scope.claim([plain, `${plain || 'custom'}${SUFFIX.type}`])
      this.variables.set(key, variable)
    }
    return variable
  }

  /** A free variable for something that is not a schema object (`grants`): the first free candidate. */
  freeVariable(candidates: readonly string[]): string {
    return this.scope.claim(candidates)
  }

  /** The property key of a column: its camelCase name, unique within the table. */
  columnKey(table: TableModel, column: ColumnModel | string): string {
    const name = typeof column === 'string' ? column : column.name
    let keys = this.columnKeys.get(variableKey('table', table))
    if (keys === undefined) {
      keys = propertyKeys(
        table.columns.map((c) => c.name),
        this.casing,
      )
      this.columnKeys.set(variableKey('table', table), keys)
    }
    const key = keys.get(name)
    if (key === undefined) throw new Error(`no column ${name} in ${table.schema}.${table.name}`)
    return key
  }

  /** The property key of a composite type's attribute, chosen as a column's is. */
  attributeKey(type: CompositeTypeModel, attribute: string): string {
    let keys = this.columnKeys.get(variableKey('composite type', type))
    if (keys === undefined) {
      // Composite types take no casing: their attributes are named by their keys.
      keys = propertyKeys(
        type.attributes.map((a) => a.name),
        undefined,
      )
      this.columnKeys.set(variableKey('composite type', type), keys)
    }
    const key = keys.get(attribute)
    if (key === undefined) throw new Error(`no attribute ${attribute} in ${type.schema}.${type.name}`)
    return key
  }
}

/**
 * Columns already named in camelCase keep their name; the others take their camelCase form when it
 * is free. `__proto__` would set the object's prototype and `$name` is the table's own property.
 * With a casing, the columns whose camelCase form the casing turns back into their name choose
 * first, so they need no name written (`display_name` is `displayName: text()`).
 */
function propertyKeys(names: readonly string[], casing: Casing | undefined): Map<string, string> {
  const scope = NameScope.forKeys(['__proto__', '$name'])
  const keys = new Map<string, string>()
  if (casing !== undefined) {
    for (const name of names) {
      const key = camelCase(name)
      if (key !== '' && nameFromKey(key, casing) === name) keys.set(name, scope.claim([key]))
    }
  }
  for (const name of names) {
    if (keys.has(name)) continue
    if (camelCase(name) === name) keys.set(name, scope.claim([name]))
  }
  for (const name of names) {
    if (!keys.has(name)) keys.set(name, scope.claim([camelCase(name) || 'column']))
  }
  return keys
}

/**
 * The part of a model name a variable is named after: a routine's name without its argument types
 * (`add(integer, integer)`), a trigger's without its table (`users\u0000touch`).
 */
function shortName(name: string): string {
  const paren = name.indexOf('(')
  const withoutArguments = paren > 0 ? name.slice(0, paren) : name
  return withoutArguments.slice(withoutArguments.lastIndexOf('\u0000') + 1)
}

function variableKey(kind: ObjectKind, object: Named): string {
  return JSON.stringify([kind, object.schema, object.name])
}

function schemaKey(schema: string): string {
  return JSON.stringify(['schema', schema])
}
