import { describe, expect, it } from 'vitest'
import { inputKind } from '../../src/studio/input-kind.js'

const enums = [
  { schema: 'public', name: 'mood', values: ['calm'], comment: null },
  { schema: 'App', name: 'Kind', values: ['a'], comment: null },
]

describe('the input the grid edits a column with', () => {
  it.each([
    ['integer', 0, 'number'],
    ['bigint', 0, 'number'],
    ['numeric(10,2)', 0, 'number'],
    ['double precision', 0, 'number'],
    ['boolean', 0, 'checkbox'],
    ['timestamp(3) with time zone', 0, 'datetime-local'],
    ['timestamp without time zone', 0, 'datetime-local'],
    ['date', 0, 'date'],
    ['jsonb', 0, 'json'],
    ['json', 0, 'json'],
    ['public.mood', 0, 'enum'],
    ['"App"."Kind"', 0, 'enum'],
    ['mood', 0, 'text'],
    ['character varying(40)', 0, 'text'],
    ['uuid', 0, 'text'],
    ['integer[]', 1, 'text'],
    ['public.mood[]', 1, 'text'],
  ] as const)('%s -> %s', (type, dimensions, kind) => {
    expect(inputKind(type, dimensions, enums)).toBe(kind)
  })
})
