import { byKindSchemaTableName } from '../../../../model/defined-object-order.js'
import type { DefinedObjectModel } from '../../../../model/types.js'
import type { ReadRows, Scope } from '../scope.js'
import { readAggregates } from './read-aggregates.js'
import { readCasts } from './read-casts.js'
import { readExtensions } from './read-extensions.js'
import { readPublications } from './read-publications.js'
import { readRoutines } from './read-routines.js'
import { readStatistics } from './read-statistics.js'
import { readRules, readTriggers } from './read-triggers-and-rules.js'
import { readRangeTypes } from './read-types.js'

const readers = [
  readExtensions,
  readRoutines,
  readAggregates,
  readTriggers,
  readRangeTypes,
  readRules,
  readCasts,
  readPublications,
  readStatistics,
]

/** Everything the schema DSL cannot declare yet, so that nothing in a database is invisible. */
export async function readDefinedObjects(rows: ReadRows, scope: Scope): Promise<DefinedObjectModel[]> {
  const found: DefinedObjectModel[] = []
  // One connection: the readers run one after the other.
  for (const read of readers) found.push(...(await read(rows, scope)))
  return found.sort(byKindSchemaTableName)
}
