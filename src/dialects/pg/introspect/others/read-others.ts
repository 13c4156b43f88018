import type { OtherObjectModel } from '../../../../model/types.js'
import type { ReadRows, Scope } from '../scope.js'

export async function readOthers(_rows: ReadRows, _scope: Scope): Promise<OtherObjectModel[]> {
  return []
}
