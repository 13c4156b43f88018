import { objectKey as key } from '../model/object-key.js'
import type { IndexModel, ViewModel } from '../model/types.js'
import type { ChangeBody } from './changes.js'
import { alterIndexParameters, keptComments, pairByName } from './table-diff.js'

export interface ViewIndexPlan {
  /** Indexes that go or change, before the views are dropped and rebuilt. */
  readonly drop: readonly ChangeBody[]
  readonly rename: readonly ChangeBody[]
  /** After the views are created: every index of a created or rebuilt view, and those that change. */
  readonly create: readonly ChangeBody[]
  /** ALTER INDEX ... SET / RESET, for an index whose storage parameters alone change. */
  readonly options: readonly ChangeBody[]
  /** COMMENT ON INDEX, for an index that stays. */
  readonly comments: readonly ChangeBody[]
}

/**
 * The indexes of materialized views. A view created or rebuilt gets all of its indexes again after
 * it (dropping the view took the old ones along); an index that the rebuilt view no longer has is
 * dropped first all the same, so that the plan says so. On a view that stays, indexes are paired by
 * name as a table's are.
 */
export function planViewIndexes(
  source: readonly ViewModel[],
  target: readonly ViewModel[],
  rebuilt: ReadonlySet<string>,
): ViewIndexPlan {
  const sources = new Map(source.map((v) => [key(v), v]))
  const targets = new Map(target.map((v) => [key(v), v]))
  const drop: ChangeBody[] = []
  const rename: ChangeBody[] = []
  const create: ChangeBody[] = []
  const options: ChangeBody[] = []
  const comments: ChangeBody[] = []
  const creates = (view: ViewModel, indexes: readonly IndexModel[]): ChangeBody[] =>
    indexes.map((index) => ({ kind: 'create-view-index', view: ref(view), index }))

  for (const view of source) {
    const next = targets.get(key(view))
    if (next === undefined || !rebuilt.has(key(view))) continue
    const kept = new Set(next.indexes.map((i) => i.name))
    for (const index of view.indexes)
      if (!kept.has(index.name)) drop.push({ kind: 'drop-view-index', view: ref(view), index })
  }
  for (const view of target) {
    const current = sources.get(key(view))
    if (current === undefined || rebuilt.has(key(view))) {
      create.push(...creates(view, view.indexes))
      continue
    }
    const pairs = pairByName<IndexModel>(current.indexes, view.indexes, () => false)
    options.push(...alterIndexParameters(ref(view), pairs, () => false))
    drop.push(...pairs.drop.map((index): ChangeBody => ({ kind: 'drop-view-index', view: ref(view), index })))
    rename.push(...pairs.rename.map((r): ChangeBody => ({ kind: 'rename-index', schema: view.schema, ...r })))
    create.push(...creates(view, pairs.add))
    comments.push(
      ...keptComments(current.indexes, view.indexes, pairs).map(
        (c): ChangeBody => ({
          kind: 'set-view-index-comment',
          view: ref(view),
          index: c.name,
          from: c.from,
          to: c.to,
        }),
      ),
    )
  }
  return { drop, rename, create, options, comments }
}

const ref = (view: ViewModel) => ({ schema: view.schema, name: view.name })
