// The drift suite (test/migrate/support/drift-suite.ts), part 1 of 3: one file per part lets
// the runner spread its edits over its workers.
import { driftSuite } from './support/drift-suite.js'

driftSuite(0, 3)
