import * as z from 'zod'
import { arrayShapeProblem } from '../validation/array-shape.js'
import { decimalProblem } from '../validation/decimal-text.js'
import { dateProblem, realProblem } from '../validation/ranges.js'
import { textProblem } from '../validation/text-problem.js'
import type { ValueRule } from '../validation/value-rule.js'

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The zod schema of one (non-null) value following a rule. */
export function valueSchema(rule: ValueRule): z.ZodType {
  switch (rule.kind) {
    case 'text':
      return textSchema(rule.maxLength)
    case 'uuid':
      return z.string().regex(uuidPattern, 'Invalid UUID')
    case 'integer':
      return z.number().int().min(rule.min).max(rule.max)
    case 'bigint': {
      const schema = rule.min === undefined ? z.bigint() : z.bigint().min(rule.min)
      return rule.max === undefined ? schema : schema.max(rule.max)
    }
    case 'number': {
      const schema = rule.below === undefined ? z.number() : z.number().gt(-rule.below).lt(rule.below)
      return rule.real ? withProblem(schema, realProblem) : schema
    }
    case 'decimal':
      return z.string().superRefine((text, context) => {
        const problem = decimalProblem(text, rule.precision, rule.scale)
        if (problem !== undefined) context.addIssue({ code: 'custom', message: `Decimal ${problem}` })
      })
    case 'boolean':
      return z.boolean()
    case 'date':
      return withProblem(z.date(), dateProblem)
    case 'enum':
      return z.enum(rule.values as [string, ...string[]])
    case 'json':
      return z.json()
    case 'bytes':
      return z.instanceof(Uint8Array)
    case 'array':
      return arraySchema(rule.element, rule.dimensions)
    case 'composite':
      // Strict: encoding a composite value refuses attributes its type lacks.
      return z.strictObject(
        Object.fromEntries(rule.attributes.map((a) => [a.key, valueSchema(a.rule).nullable()])),
      )
    case 'any':
      return z.custom((value) => value !== undefined)
  }
}

function arraySchema(element: ValueRule, dimensions: number): z.ZodType {
  let schema = valueSchema(element)
  for (let depth = 0; depth < dimensions; depth++) schema = z.array(schema)
  if (dimensions < 2) return schema
  return schema.superRefine((value, context) => {
    const problem = arrayShapeProblem(value as unknown[], dimensions)
    if (problem !== undefined) context.addIssue({ code: 'custom', message: `Array ${problem}` })
  })
}

function textSchema(maxLength: number | undefined): z.ZodString {
  return withProblem(z.string(), (text) => textProblem(text, maxLength))
}

/** Adds a check that reports what `problem` finds; zod 4 refinements keep the schema's class. */
function withProblem<S extends z.ZodType>(schema: S, problem: (value: z.output<S>) => string | undefined): S {
  return schema.superRefine((value, context) => {
    const message = problem(value)
    if (message !== undefined) context.addIssue({ code: 'custom', message })
  }) as S
}
