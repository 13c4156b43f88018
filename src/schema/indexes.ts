import { SQL } from '../sql/sql.js'
import { type AnyColumn, Column } from './column.js'
import { commentArgument } from './comment.js'
import type {
  IndexElementSpec,
  IndexMethod,
  IndexSpec,
  StorageParameters,
  TableExtra,
} from './table-extras.js'

/**
 * An index key with options an ORDER BY item does not have: `asc(t.name).op('text_pattern_ops')`,
 * `desc(t.title).collate('C')`.
 */
export class IndexElement {
  constructor(readonly spec: IndexElementSpec) {
    Object.freeze(spec)
  }

  nullsFirst(): IndexElement {
    return new IndexElement({ ...this.spec, nulls: 'first' })
  }

  nullsLast(): IndexElement {
    return new IndexElement({ ...this.spec, nulls: 'last' })
  }

  /** The operator class of this key, e.g. `jsonb_path_ops`, `gin_trgm_ops`, `text_pattern_ops`. */
  op(opclass: string): IndexElement {
    return new IndexElement({ ...this.spec, opclass })
  }

  collate(collation: string): IndexElement {
    return new IndexElement({ ...this.spec, collation })
  }
}

/**
 * What `index().on()` takes besides columns, expressions and index elements: the `asc()` /
 * `desc()` items of queries (`query/order.ts`), which turn themselves into index keys, so the one
 * `asc` and `desc` serve both and this module needs nothing from the query side.
 */
export interface IndexKeySource {
  toIndexElement(): IndexElement
}

const isIndexKeySource = (key: unknown): key is IndexKeySource =>
  typeof key === 'object' &&
  key !== null &&
  typeof (key as Partial<IndexKeySource>).toIndexElement === 'function'

/** An index key of a column or a `sql` expression; anything else orders query results only. */
export function indexElement(
  target: unknown,
  order: 'asc' | 'desc',
  nulls: 'first' | 'last' | undefined = undefined,
): IndexElement {
  if (!(target instanceof Column || target instanceof SQL))
    throw new TypeError('an index key is a column or a sql`...` expression')
  return new IndexElement({ target, order, nulls, opclass: undefined, collation: undefined })
}

export class Index implements TableExtra {
  constructor(readonly spec: IndexSpec) {
    Object.freeze(spec)
  }

  /** The keys: columns, `sql` expressions, or `asc()` / `desc()` items with their options. */
  on(...keys: (AnyColumn | SQL | IndexElement | IndexKeySource)[]): Index {
    const elements = keys.map((key) =>
      key instanceof IndexElement
        ? key.spec
        : isIndexKeySource(key)
          ? key.toIndexElement().spec
          : // Not checked here: toModel names the table and index when a key is not a column
            // or an expression (a column removed from the table is undefined).
            {
              target: key,
              order: 'asc' as const,
              nulls: undefined,
              opclass: undefined,
              collation: undefined,
            },
    )
    return new Index({ ...this.spec, elements })
  }

  /** The access method: btree (default), hash, gin, gist, brin or spgist. */
  using(method: IndexMethod): Index {
    return new Index({ ...this.spec, method })
  }

  /** A partial index: only rows matching the predicate are indexed. */
  where(predicate: SQL): Index {
    if (!(predicate instanceof SQL)) throw new TypeError('index().where() takes a sql`...` fragment')
    return new Index({ ...this.spec, where: predicate })
  }

  /**
   * INCLUDE: columns stored in the index without being part of the key (on a materialized view
   * that declares no columns, `sql.identifier('column')`).
   */
  include(...columns: (AnyColumn | SQL)[]): Index {
    return new Index({ ...this.spec, include: columns })
  }

  /** WITH (...): the index's storage parameters, e.g. `{ fillfactor: 70 }` or `{ fastupdate: false }`. */
  with(parameters: StorageParameters): Index {
    if (typeof parameters !== 'object' || parameters === null)
      throw new TypeError('index().with() takes an object of storage parameters')
    return new Index({ ...this.spec, storageParameters: Object.freeze({ ...parameters }) })
  }

  /** NULLS NOT DISTINCT (unique indexes, PostgreSQL 15+). */
  nullsNotDistinct(): Index {
    return new Index({ ...this.spec, nullsNotDistinct: true })
  }

  /** COMMENT ON INDEX: documentation kept in the database. An empty text is no comment. */
  comment(text: string): Index {
    return new Index({ ...this.spec, comment: commentArgument(text) })
  }
}

function newIndex(name: string | undefined, unique: boolean): Index {
  return new Index({
    kind: 'index',
    name,
    unique,
    elements: [],
    method: 'btree',
    where: undefined,
    include: [],
    nullsNotDistinct: false,
    storageParameters: undefined,
  })
}

/** CREATE INDEX, named `<table>_<keys>_idx` unless given. */
export function index(name?: string): Index {
  return newIndex(name, false)
}

/** CREATE UNIQUE INDEX, named `<table>_<keys>_idx` unless given. */
export function uniqueIndex(name?: string): Index {
  return newIndex(name, true)
}
