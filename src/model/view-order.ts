import type { ViewModel } from './types.js'

/** Views after the views they read; ties stay in the model's (name) order. */
export function viewsInDependencyOrder(views: readonly ViewModel[]): ViewModel[] {
  const byKey = new Map(views.map((v) => [`${v.schema}.${v.name}`, v]))
  const ordered: ViewModel[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (view: ViewModel, path: string[]): void => {
    const key = `${view.schema}.${view.name}`
    if (state.get(key) === 'done') return
    if (state.get(key) === 'visiting')
      throw new Error(`views depend on each other in a cycle: ${[...path, key].join(' -> ')}`)
    state.set(key, 'visiting')
    for (const dependency of view.dependsOn) {
      const target = byKey.get(dependency)
      if (target !== undefined) visit(target, [...path, key])
    }
    state.set(key, 'done')
    ordered.push(view)
  }
  for (const view of views) visit(view, [])
  return ordered
}
