import type { InferInsert, InferSelect } from 'tidemark'
import {
  createInsertSchema,
  createSelectSchema,
  createUpdateSchema,
  type StandardSchemaV1,
} from 'tidemark/validate'
import { describe, expectTypeOf, it } from 'vitest'
import { everyType } from '../validation/every-type.js'

type Row = InferSelect<typeof everyType>

describe('Standard Schemas are typed with the row types', () => {
  it('select, insert and update', () => {
    const select = createSelectSchema(everyType)
    expectTypeOf<StandardSchemaV1.InferOutput<typeof select>>().toEqualTypeOf<Row>()
    expectTypeOf<StandardSchemaV1.InferInput<typeof select>>().toEqualTypeOf<Row>()
    expectTypeOf(select.parse).returns.toEqualTypeOf<Row>()
    const insert = createInsertSchema(everyType)
    expectTypeOf<StandardSchemaV1.InferOutput<typeof insert>>().toEqualTypeOf<InferInsert<typeof everyType>>()
    const update = createUpdateSchema(everyType)
    expectTypeOf(update.parse).returns.toEqualTypeOf<Partial<Omit<Row, 'codeLength'>>>()
  })

  it('checks receive the non-null value of their column and may name only written columns', () => {
    createInsertSchema(everyType, {
      note: (note) => {
        expectTypeOf(note).toEqualTypeOf<string>()
        return true
      },
      mood: (value) => {
        expectTypeOf(value).toEqualTypeOf<'happy' | 'sad'>()
        return value === 'happy' || 'Cheer up'
      },
    })
    // @ts-expect-error no such column
    createInsertSchema(everyType, { nope: () => true })
    // @ts-expect-error generated columns are not inserted
    createInsertSchema(everyType, { codeLength: () => true })
    // @ts-expect-error a check returns true, false or a message
    createInsertSchema(everyType, { note: () => 1 })
  })
})
