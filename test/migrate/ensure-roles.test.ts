import { randomBytes } from 'node:crypto'
import { sql } from 'tidemark'
import { expect, it } from 'vitest'
import { ensureRoles } from '../../src/migrate/runner/ensure-roles.js'
import { describeEachDatabase } from '../support/databases.js'

describeEachDatabase('ensureRoles', (target) => {
  it('creates the missing roles NOLOGIN, once, and leaves existing ones alone', async () => {
    const role = `tidemark_role_${randomBytes(4).toString('hex')}`
    try {
      expect(await ensureRoles(target.db, [role, 'postgres'])).toEqual([role])
      expect(await ensureRoles(target.db, [role])).toEqual([])
      const { rows } = await target.db.execute<{ login: boolean }>(
        sql`select rolcanlogin as login from pg_roles where rolname = ${role}`,
      )
      expect(rows).toEqual([{ login: false }])
    } finally {
      await target.db.execute(sql.raw(`drop role if exists ${role}`))
    }
  })
})
