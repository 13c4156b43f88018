import type { DefinedObjectModel, TriggerState } from '../../../../model/types.js'
import { sql } from '../../../../sql/sql.js'
import { notExtensionMember, type ReadRows, type Scope } from '../scope.js'
import { definedObject } from './defined-object.js'

interface TableObjectRow {
  schema: string
  table: string
  name: string
  definition: string
  comment: string | null
  enabled?: string
}

const TRIGGER_STATES: Record<string, TriggerState> = { O: 'origin', A: 'always', R: 'replica', D: 'disabled' }

/**
 * User triggers by pg_get_triggerdef. Internal triggers (those behind foreign keys) and the clones
 * PostgreSQL makes on partitions are left out: they come back by themselves.
 */
export async function readTriggers(rows: ReadRows, scope: Scope): Promise<DefinedObjectModel[]> {
  const found = await rows<TableObjectRow>(sql`
    select n.nspname::text as schema, c.relname::text as table, t.tgname::text as name,
      pg_get_triggerdef(t.oid) as definition,
      obj_description(t.oid, 'pg_trigger') as comment, t.tgenabled::text as enabled
    from pg_trigger t
    join pg_class c on c.oid = t.tgrelid
    join pg_namespace n on n.oid = c.relnamespace
    where not t.tgisinternal and t.tgparentid = 0 and ${scope.userSchema('n')}
      and ${notExtensionMember('pg_class', 'c.oid')}`)
  return tableObjects('trigger', found, scope)
}

/** Rules other than the _RETURN rule that every view has, by pg_get_ruledef. */
export async function readRules(rows: ReadRows, scope: Scope): Promise<DefinedObjectModel[]> {
  const found = await rows<TableObjectRow>(sql`
    select n.nspname::text as schema, c.relname::text as table, r.rulename::text as name,
      pg_get_ruledef(r.oid) as definition,
      obj_description(r.oid, 'pg_rewrite') as comment
    from pg_rewrite r
    join pg_class c on c.oid = r.ev_class
    join pg_namespace n on n.oid = c.relnamespace
    where r.rulename <> '_RETURN' and ${scope.userSchema('n')} and ${notExtensionMember('pg_class', 'c.oid')}`)
  return tableObjects('rule', found, scope)
}

function tableObjects(kind: 'trigger' | 'rule', found: TableObjectRow[], scope: Scope): DefinedObjectModel[] {
  return found
    .filter((row) => !scope.isExcluded(row.schema, row.table))
    .map((row) =>
      definedObject(
        kind,
        row.schema,
        row.name,
        row.table,
        row.definition,
        row.comment,
        kind === 'trigger' ? (TRIGGER_STATES[row.enabled ?? 'O'] ?? 'origin') : null,
      ),
    )
}
