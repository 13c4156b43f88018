import type { InferInsert, InferSelect, UpdateValues } from 'tidemark'
import { sql, text, varchar, view } from 'tidemark/pg'
import { createInsertSchema, createSelectSchema, createUpdateSchema } from 'tidemark/zod'
import { describe, expectTypeOf, it } from 'vitest'
import * as z from 'zod'
import { everyType } from '../validation/every-type.js'

type Row = InferSelect<typeof everyType>
type NewRow = InferInsert<typeof everyType>

describe('zod schemas infer the row types', () => {
  it('select: InferSelect, input and output', () => {
    const schema = createSelectSchema(everyType)
    expectTypeOf<z.output<typeof schema>>().toEqualTypeOf<Row>()
    expectTypeOf<z.input<typeof schema>>().toEqualTypeOf<Row>()
  })

  it('insert: InferInsert, input and output', () => {
    const schema = createInsertSchema(everyType)
    expectTypeOf<z.output<typeof schema>>().toEqualTypeOf<NewRow>()
    expectTypeOf<z.input<typeof schema>>().toEqualTypeOf<NewRow>()
  })

  it('update: every insertable column, optional, with its select type', () => {
    const schema = createUpdateSchema(everyType)
    expectTypeOf<z.output<typeof schema>>().toEqualTypeOf<Partial<Omit<Row, 'codeLength'>>>()
    expectTypeOf<z.output<typeof schema>>().toExtend<{
      [K in keyof UpdateValues<typeof everyType>]?: Row[K]
    }>()
  })
})

describe('views', () => {
  it('have select schemas typed InferSelect, and no insert schema', () => {
    const codes = view('codes', { code: varchar({ length: 3 }).notNull(), note: text() }).as(sql`select 1`)
    const schema = createSelectSchema(codes)
    expectTypeOf<z.output<typeof schema>>().toEqualTypeOf<InferSelect<typeof codes>>()
    expectTypeOf<z.output<typeof schema>>().toEqualTypeOf<{ code: string; note: string | null }>()
    // @ts-expect-error a view is not a table
    createInsertSchema(codes)
  })
})

describe('refinements', () => {
  it('give each column its own zod class, and keep the refined type', () => {
    const schema = createInsertSchema(everyType, {
      code: (s) => {
        expectTypeOf(s).toEqualTypeOf<z.ZodString>()
        return s.regex(/^[A-Z]+$/)
      },
      count: (s) => {
        expectTypeOf(s).toEqualTypeOf<z.ZodNumber>()
        return s.positive()
      },
      big: (s) => {
        expectTypeOf(s).toEqualTypeOf<z.ZodBigInt>()
        return s
      },
      createdAt: (s) => {
        expectTypeOf(s).toEqualTypeOf<z.ZodDate>()
        return s
      },
      active: (s) => {
        expectTypeOf(s).toEqualTypeOf<z.ZodBoolean>()
        return s
      },
      mood: (s) => {
        expectTypeOf(s).toEqualTypeOf<z.ZodType<'happy' | 'sad', 'happy' | 'sad'>>()
        return s
      },
      settings: z.object({ theme: z.enum(['light', 'dark']) }),
    })
    expectTypeOf<z.output<typeof schema>>().toEqualTypeOf<NewRow>()
  })

  it('a refinement that changes the type changes the schema type', () => {
    const schema = createSelectSchema(everyType, { note: () => z.literal('fixed') })
    expectTypeOf<z.output<typeof schema>['note']>().toEqualTypeOf<'fixed' | null>()
  })

  it('rejects refinements of columns the schema lacks', () => {
    // @ts-expect-error no such column
    createInsertSchema(everyType, { nope: (s: z.ZodString) => s })
    // @ts-expect-error generated columns are not inserted
    createInsertSchema(everyType, { codeLength: z.number() })
  })
})
