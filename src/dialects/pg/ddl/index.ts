/** ddl/: changes and models as PostgreSQL DDL (migrations, push, check's reconcile SQL). */
export { renderChange, renderChanges } from './render-changes.js'
export { renderCreate } from './render-create.js'
export {
  commentOnDefinedObject,
  createDefinedObject,
  definedObjectTarget,
  dropDefinedObject,
  setTriggerState,
} from './render-defined-objects.js'
