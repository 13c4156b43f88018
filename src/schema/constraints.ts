import type { SQL } from '../sql/sql.js'
import type { AnyColumn } from './column.js'
import { commentArgument } from './comment.js'
import type { ForeignKeyAction } from './options.js'
import type {
  CheckSpec,
  Deferrable,
  ForeignKeySpec,
  PrimaryKeySpec,
  TableExtra,
  UniqueSpec,
} from './table-extras.js'

/**
 * A composite PRIMARY KEY, named `<table>_pkey` unless given:
 * `primaryKey(t.tenantId, t.id)` or `primaryKey({ name: 'pk_members', columns: [t.tenantId, t.id] })`.
 */
export function primaryKey(
  ...args: AnyColumn[] | [{ name?: string; columns: readonly AnyColumn[] }]
): PrimaryKeyConstraint {
  const [first] = args
  const named = first !== undefined && !('config' in first) ? first : undefined
  const columns = named ? named.columns : (args as AnyColumn[])
  return new PrimaryKeyConstraint({ kind: 'primaryKey', name: named?.name, columns: [...columns] })
}

export class PrimaryKeyConstraint implements TableExtra {
  constructor(readonly spec: PrimaryKeySpec) {
    Object.freeze(spec)
  }

  /** COMMENT ON CONSTRAINT: documentation kept in the database. An empty text is no comment. */
  comment(text: string): PrimaryKeyConstraint {
    return new PrimaryKeyConstraint({ ...this.spec, comment: commentArgument(text) })
  }
}

export class UniqueConstraint implements TableExtra {
  constructor(readonly spec: UniqueSpec) {
    Object.freeze(spec)
  }

  /** The columns, in key order. */
  on(...columns: AnyColumn[]): UniqueConstraint {
    return new UniqueConstraint({ ...this.spec, columns })
  }

  /** NULLS NOT DISTINCT: at most one row may hold NULL in the key (PostgreSQL 15+). */
  nullsNotDistinct(): UniqueConstraint {
    return new UniqueConstraint({ ...this.spec, nullsNotDistinct: true })
  }

  deferrable(initially: Deferrable = 'immediate'): UniqueConstraint {
    return new UniqueConstraint({ ...this.spec, deferrable: initially })
  }

  /** COMMENT ON CONSTRAINT: documentation kept in the database. An empty text is no comment. */
  comment(text: string): UniqueConstraint {
    return new UniqueConstraint({ ...this.spec, comment: commentArgument(text) })
  }
}

/** A (composite) UNIQUE constraint, named `<table>_<columns>_key` unless given: `unique().on(t.a, t.b)`. */
export function unique(name?: string): UniqueConstraint {
  return new UniqueConstraint({
    kind: 'unique',
    name,
    columns: [],
    nullsNotDistinct: false,
    deferrable: undefined,
  })
}

export class ForeignKeyConstraint implements TableExtra {
  constructor(readonly spec: ForeignKeySpec) {
    Object.freeze(spec)
  }

  onDelete(action: ForeignKeyAction): ForeignKeyConstraint {
    return new ForeignKeyConstraint({ ...this.spec, onDelete: action })
  }

  onUpdate(action: ForeignKeyAction): ForeignKeyConstraint {
    return new ForeignKeyConstraint({ ...this.spec, onUpdate: action })
  }

  deferrable(initially: Deferrable = 'immediate'): ForeignKeyConstraint {
    return new ForeignKeyConstraint({ ...this.spec, deferrable: initially })
  }

  /**
   * MATCH FULL: a row must fill every column of the key or none of them. Under the default (MATCH
   * SIMPLE), a row with any key column null is not checked at all.
   */
  matchFull(): ForeignKeyConstraint {
    return new ForeignKeyConstraint({ ...this.spec, matchFull: true })
  }

  /** COMMENT ON CONSTRAINT: documentation kept in the database. An empty text is no comment. */
  comment(text: string): ForeignKeyConstraint {
    return new ForeignKeyConstraint({ ...this.spec, comment: commentArgument(text) })
  }
}

/**
 * A (composite) FOREIGN KEY, named `<table>_<columns>_fkey` unless given. `references` may be a
 * function when the target table is declared later.
 *
 * @example
 * foreignKey({ columns: [t.tenantId, t.ownerId], references: () => [members.tenantId, members.id] }).onDelete('cascade')
 */
export function foreignKey(definition: {
  name?: string
  columns: readonly AnyColumn[]
  references: readonly AnyColumn[] | (() => readonly AnyColumn[])
}): ForeignKeyConstraint {
  const { references } = definition
  return new ForeignKeyConstraint({
    kind: 'foreignKey',
    name: definition.name,
    columns: [...definition.columns],
    references: typeof references === 'function' ? references : () => references,
    onDelete: undefined,
    onUpdate: undefined,
    deferrable: undefined,
  })
}

/**
 * A table CHECK constraint: `check(sql\`${t.endsAt} > ${t.startsAt}\`)` or with a name first.
 * Unnamed, it is `<table>_<column>_check` when it mentions one column, `<table>_check` otherwise.
 */
export function check(nameOrExpression: string | SQL, expression?: SQL): CheckConstraint {
  const named = typeof nameOrExpression === 'string'
  const body = named ? expression : nameOrExpression
  if (body === undefined) throw new TypeError('check() needs an expression: check(name, sql`...`)')
  return new CheckConstraint({ kind: 'check', name: named ? nameOrExpression : undefined, expression: body })
}

export class CheckConstraint implements TableExtra {
  constructor(readonly spec: CheckSpec) {
    Object.freeze(spec)
  }

  /** COMMENT ON CONSTRAINT: documentation kept in the database. An empty text is no comment. */
  comment(text: string): CheckConstraint {
    return new CheckConstraint({ ...this.spec, comment: commentArgument(text) })
  }
}
