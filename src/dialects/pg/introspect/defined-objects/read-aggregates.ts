import type { DefinedObjectModel } from '../../../../model/types.js'
import { sql } from '../../../../sql/sql.js'
import { qualifiedName, quoteLiteral } from '../../grammar/quote.js'
import { routineName } from '../catalog-names.js'
import { notExtensionMember, type ReadRows, type Scope } from '../scope.js'
import { definedObject } from './defined-object.js'
import { identityArguments } from './read-routines.js'

interface AggregateRow {
  schema: string
  name: string
  arguments: string
  signature: string
  kind: 'n' | 'o' | 'h'
  sfunc: string
  stype: string
  sspace: number
  finalfunc: string | null
  finalfunc_extra: boolean
  finalfunc_modify: string
  combinefunc: string | null
  serialfunc: string | null
  deserialfunc: string | null
  initcond: string | null
  msfunc: string | null
  minvfunc: string | null
  mstype: string | null
  msspace: number
  mfinalfunc: string | null
  mfinalfunc_extra: boolean
  mfinalfunc_modify: string
  minitcond: string | null
  sortop: string | null
  parallel: string
  comment: string | null
}

const MODIFY: Record<string, string> = { r: 'READ_ONLY', s: 'SHAREABLE', w: 'READ_WRITE' }
const PARALLEL: Record<string, string> = { s: 'SAFE', r: 'RESTRICTED' }

/** Aggregates, as the CREATE AGGREGATE statement that makes them (pg_get_functiondef refuses aggregates). */
export async function readAggregates(rows: ReadRows, scope: Scope): Promise<DefinedObjectModel[]> {
  const found = await rows<AggregateRow>(sql`
    select n.nspname::text as schema, p.proname::text as name, ${identityArguments('p')} as arguments,
      pg_get_function_identity_arguments(p.oid) as signature, a.aggkind::text as kind,
      a.aggtransfn::regproc::text as sfunc, format_type(a.aggtranstype, null) as stype, a.aggtransspace as sspace,
      ${routineName('a.aggfinalfn')} as finalfunc, a.aggfinalextra as finalfunc_extra,
      a.aggfinalmodify::text as finalfunc_modify, ${routineName('a.aggcombinefn')} as combinefunc,
      ${routineName('a.aggserialfn')} as serialfunc, ${routineName('a.aggdeserialfn')} as deserialfunc,
      a.agginitval as initcond, ${routineName('a.aggmtransfn')} as msfunc,
      ${routineName('a.aggminvtransfn')} as minvfunc,
      case when a.aggmtranstype <> 0 then format_type(a.aggmtranstype, null) end as mstype,
      a.aggmtransspace as msspace, ${routineName('a.aggmfinalfn')} as mfinalfunc,
      a.aggmfinalextra as mfinalfunc_extra, a.aggmfinalmodify::text as mfinalfunc_modify,
      a.aggminitval as minitcond,
      (select case when opn.nspname = 'pg_catalog' then o.oprname::text
          else 'OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')' end
        from pg_operator o join pg_namespace opn on opn.oid = o.oprnamespace where o.oid = a.aggsortop) as sortop,
      p.proparallel::text as parallel, obj_description(p.oid, 'pg_proc') as comment
    from pg_proc p
    join pg_aggregate a on a.aggfnoid = p.oid
    join pg_namespace n on n.oid = p.pronamespace
    where p.prokind = 'a' and ${scope.userSchema('n')} and ${notExtensionMember('pg_proc', 'p.oid')}`)
  return found.map((a) =>
    definedObject('aggregate', a.schema, `${a.name}(${a.arguments})`, null, createAggregate(a), a.comment),
  )
}

function createAggregate(a: AggregateRow): string {
  // FINALFUNC_MODIFY defaults to READ_WRITE for ordered-set aggregates, READ_ONLY otherwise.
  const defaultModify = a.kind === 'n' ? 'r' : 'w'
  const options: [string, string | null | false][] = [
    ['SFUNC', a.sfunc],
    ['STYPE', a.stype],
    ['SSPACE', a.sspace !== 0 && String(a.sspace)],
    ['FINALFUNC', a.finalfunc],
    ['FINALFUNC_EXTRA', a.finalfunc_extra && ''],
    ['FINALFUNC_MODIFY', a.finalfunc_modify !== defaultModify && MODIFY[a.finalfunc_modify]!],
    ['COMBINEFUNC', a.combinefunc],
    ['SERIALFUNC', a.serialfunc],
    ['DESERIALFUNC', a.deserialfunc],
    ['INITCOND', a.initcond !== null && quoteLiteral(a.initcond)],
    ['MSFUNC', a.msfunc],
    ['MINVFUNC', a.minvfunc],
    ['MSTYPE', a.mstype],
    ['MSSPACE', a.msspace !== 0 && String(a.msspace)],
    ['MFINALFUNC', a.mfinalfunc],
    ['MFINALFUNC_EXTRA', a.mfinalfunc_extra && ''],
    ['MFINALFUNC_MODIFY', a.mstype !== null && a.mfinalfunc_modify !== 'r' && MODIFY[a.mfinalfunc_modify]!],
    ['MINITCOND', a.minitcond !== null && quoteLiteral(a.minitcond)],
    ['SORTOP', a.sortop],
    ['HYPOTHETICAL', a.kind === 'h' && ''],
    ['PARALLEL', PARALLEL[a.parallel] ?? false],
  ]
  const clauses = options
    .filter((option): option is [string, string] => typeof option[1] === 'string')
    .map(([key, value]) => (value === '' ? key : `${key} = ${value}`))
  const signature = a.signature === '' ? '*' : a.signature
  return `CREATE AGGREGATE ${qualifiedName(a.schema, a.name)}(${signature}) (${clauses.join(', ')})`
}
