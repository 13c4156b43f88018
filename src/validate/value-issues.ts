import { arrayShapeProblem } from '../validation/array-shape.js'
import { decimalProblem } from '../validation/decimal-text.js'
import { dateProblem, realProblem } from '../validation/ranges.js'
import { textProblem } from '../validation/text-problem.js'
import type { ValueRule } from '../validation/value-rule.js'
import { isJsonValue } from './json-value.js'
import type { StandardSchemaV1 } from './standard-schema.js'

type Issue = StandardSchemaV1.Issue
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Adds to `issues` what is wrong with a (non-null) value under a rule, each with its path. */
export function collectValueIssues(
  rule: ValueRule,
  value: unknown,
  path: readonly PropertyKey[],
  issues: Issue[],
): void {
  if (rule.kind === 'array') {
    collectArrayIssues(rule.element, rule.dimensions, value, path, issues, rule.dimensions)
    return
  }
  if (rule.kind === 'composite') {
    collectCompositeIssues(rule.attributes, value, path, issues)
    return
  }
  const problem = scalarProblem(rule, value)
  if (problem !== undefined) issues.push({ message: problem, path })
}

function collectArrayIssues(
  element: ValueRule,
  depth: number,
  value: unknown,
  path: readonly PropertyKey[],
  issues: Issue[],
  dimensions: number,
): void {
  if (!Array.isArray(value)) {
    issues.push({ message: `Expected an array`, path })
    return
  }
  value.forEach((item, index) => {
    const itemPath = [...path, index]
    if (depth > 1) collectArrayIssues(element, depth - 1, item, itemPath, issues, dimensions)
    else collectValueIssues(element, item, itemPath, issues)
  })
  if (depth !== dimensions) return
  const shape = arrayShapeProblem(value, dimensions)
  if (shape !== undefined) issues.push({ message: `Array ${shape}`, path })
}

/** Encoding a composite value refuses attributes its type lacks, so they are issues here. */
function collectCompositeIssues(
  attributes: readonly { key: string; rule: ValueRule }[],
  value: unknown,
  path: readonly PropertyKey[],
  issues: Issue[],
): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ message: 'Expected an object', path })
    return
  }
  const record = value as Record<string, unknown>
  for (const attribute of attributes) {
    const item = Object.hasOwn(record, attribute.key) ? record[attribute.key] : undefined
    if (item === undefined) issues.push({ message: 'Required', path: [...path, attribute.key] })
    else if (item !== null) collectValueIssues(attribute.rule, item, [...path, attribute.key], issues)
  }
  for (const key of Object.keys(record)) {
    if (!attributes.some((attribute) => attribute.key === key))
      issues.push({ message: 'Unknown attribute', path: [...path, key] })
  }
}

function scalarProblem(
  rule: Exclude<ValueRule, { kind: 'array' | 'composite' }>,
  value: unknown,
): string | undefined {
  switch (rule.kind) {
    case 'text':
      return typeof value === 'string' ? textProblem(value, rule.maxLength) : 'Expected a string'
    case 'uuid':
      return typeof value === 'string' && uuidPattern.test(value) ? undefined : 'Expected a UUID'
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'Expected a whole number'
      return value < rule.min || value > rule.max
        ? `Expected a number from ${rule.min} to ${rule.max}`
        : undefined
    case 'bigint':
      if (typeof value !== 'bigint') return 'Expected a bigint'
      if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max))
        return `Expected a bigint from ${rule.min} to ${rule.max}`
      return undefined
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'Expected a finite number'
      if (rule.below !== undefined && Math.abs(value) >= rule.below)
        return `Expected a number between -${rule.below} and ${rule.below}`
      return rule.real ? realProblem(value) : undefined
    case 'decimal': {
      if (typeof value !== 'string') return 'Expected a decimal number as a string'
      const problem = decimalProblem(value, rule.precision, rule.scale)
      return problem === undefined ? undefined : `Decimal ${problem}`
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'Expected a boolean'
    case 'date':
      return value instanceof Date && !Number.isNaN(value.getTime())
        ? dateProblem(value)
        : 'Expected a valid Date'
    case 'enum':
      return typeof value === 'string' && rule.values.includes(value)
        ? undefined
        : `Expected one of ${rule.values.map((label) => JSON.stringify(label)).join(', ')}`
    case 'json':
      return isJsonValue(value) ? undefined : 'Expected a JSON value'
    case 'bytes':
      return value instanceof Uint8Array ? undefined : 'Expected a Uint8Array'
    case 'any':
      return value === undefined ? 'Expected a value' : undefined
  }
}
