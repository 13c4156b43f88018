import type { SchemaModel } from 'tidemark'
import { introspect, renderCreate, toModel } from 'tidemark/pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { type CodegenResult, codegen } from '../../../../src/dialects/pg/codegen/codegen.js'
import * as kitchenSink from '../../../fixtures/kitchen-sink.js'
import { applyStatements } from '../../../support/catalog.js'
import { describeEachSchemaTarget } from '../../../support/databases.js'
import { asPulled, biomeFormat, columnModel, loadGenerated, schemaModel, tableModel } from './support.js'

describe("codegen with casing: 'snake_case'", () => {
  it('writes camelCase keys without names where the casing gives them, and the others with theirs', () => {
    const model = schemaModel({
      schemas: ['audit'],
      tables: [
        tableModel(
          'users',
          [
            columnModel('id', 'integer', { notNull: true }),
            columnModel('display_name', 'text', { notNull: true }),
            columnModel('address_line2', 'text'),
            columnModel('line_2', 'text'),
            columnModel('userID', 'integer'),
            columnModel('Legacy Code', 'text'),
          ],
          { primaryKey: { comment: null, name: 'users_pkey', columns: ['id'] } },
        ),
        tableModel('entries', [columnModel('logged_at', 'timestamp with time zone')], { schema: 'audit' }),
      ],
    })
    expect(codegen(model, { casing: 'snake_case' }).source).toBe(
      `import { integer, schema, text, timestamptz } from 'tidemark/pg'

const publicSchema = schema('public', { casing: 'snake_case' })

export const audit = schema('audit', { casing: 'snake_case' })

export const entries = audit.table('entries', {
  loggedAt: timestamptz(),
})

export const users = publicSchema.table('users', {
  id: integer().primaryKey(),
  displayName: text().notNull(),
  addressLine2: text(),
  line2: text('line_2'),
  userID: integer('userID'),
  legacyCode: text('Legacy Code'),
})
`,
    )
  })

  it('lets a column take the key whose casing gives its name before another claims it', () => {
    const model = schemaModel({
      tables: [tableModel('t', [columnModel('displayName', 'text'), columnModel('display_name', 'text')])],
    })
    const { source } = codegen(model, { casing: 'snake_case' })
    expect(source).toContain("displayName2: text('displayName'),\n  displayName: text(),")
    expect(codegen(model).source).toContain("displayName: text(),\n  displayName2: text('display_name'),")
  })
})

/**
 * Pull with a casing, the acceptance test: toModel of the code pulled in snake_case must be the
 * model read from the database, for the kitchen sink and for names the casing cannot give.
 */
describeEachSchemaTarget('pulling with casing', (target) => {
  let live: SchemaModel
  let result: CodegenResult
  beforeAll(async () => {
    await applyStatements(target.db, renderCreate(toModel(kitchenSink)))
    await target.exec(`
      create schema casing;
      create table casing.accounts (account_id integer primary key, "displayName" text, display_name text,
        "HTTPStatus" integer, http_status integer unique, line_2 text, address_line2 text, "order" text,
        unique (display_name, address_line2));
      create table casing.events (event_id bigint generated always as identity, happened_on date not null,
        account_id integer references casing.accounts, check (event_id > 0))
        partition by range (happened_on);
      create table casing.events_2026 partition of casing.events for values from ('2026-01-01') to ('2027-01-01');
      create index on casing.events (account_id, happened_on desc);
    `)
    live = await introspect(target.db)
    result = codegen(live, { casing: 'snake_case' })
  })

  it('writes code whose toModel is the database model', async () => {
    expect(asPulled(await loadGenerated(result.source))).toEqual(asPulled(live))
    expect(result.warnings).toEqual([])
  })

  it('writes formatted code, naming only the columns the casing cannot name', () => {
    expect(biomeFormat(result.source)).toBe(result.source)
    const accounts = result.source.slice(result.source.indexOf("casing.table(\n  'accounts'"))
    expect(accounts.slice(0, accounts.indexOf('\n)'))).toBe(`casing.table(
  'accounts',
  {
    accountId: integer().primaryKey(),
    displayName2: text('displayName'),
    displayName: text(),
    httpStatus2: integer('HTTPStatus'),
    httpStatus: integer().unique(),
    line2: text('line_2'),
    addressLine2: text(),
    order: text(),
  },
  (t) => [unique().on(t.displayName, t.addressLine2)],`)
  })
})
