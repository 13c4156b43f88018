import { expectTypeOf, test } from 'vitest'
import type { baseline } from '../../src/migrate/baseline/baseline.js'
import type { adoptDrizzle } from '../../src/migrate/baseline/drizzle/adopt-drizzle.js'
import type { checkDatabase } from '../../src/migrate/check/check.js'
import type { generateMigration } from '../../src/migrate/generate/generate.js'
import * as entry from '../../src/migrate.js'

// The entry's tooling functions load their modules on call (src/migrate/lazy-tooling.ts): each must
// keep the exact signature of the function it calls, or a parameter added there would be dropped.
test('the tooling functions of tidemark/migrate have the signatures of the modules they load', () => {
  expectTypeOf(entry.generateMigration).toEqualTypeOf<typeof generateMigration>()
  expectTypeOf(entry.checkDatabase).toEqualTypeOf<typeof checkDatabase>()
  expectTypeOf(entry.baseline).toEqualTypeOf<typeof baseline>()
  expectTypeOf(entry.adoptDrizzle).toEqualTypeOf<typeof adoptDrizzle>()
})
