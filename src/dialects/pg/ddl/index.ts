/** ddl/: changes and models as PostgreSQL DDL (migrations, push, check's reconcile SQL). */

export { renderChange, renderChanges } from './render-changes.js'
export { renderCreate } from './render-create.js'
export { commentOnOther, createOther, dropOther, otherTarget, setTriggerState } from './render-others.js'
