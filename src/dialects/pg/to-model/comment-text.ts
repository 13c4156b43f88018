import { SchemaError } from '../../../model/schema-error.js'

/**
 * A declared comment as the model holds it. PostgreSQL keeps no empty comment (`COMMENT ... IS ''`
 * removes one), so an empty text is none; a NUL character cannot be stored in text at all.
 */
export function commentText(text: string | undefined, label: string): string | null {
  return commentOrFail(text, (problem) => {
    throw new SchemaError(label, problem)
  })
}

/** `commentText` for a part of an object (a key, an index, a policy) whose builder words the error. */
export function commentOrFail(text: string | undefined, fail: (problem: string) => never): string | null {
  if (text === undefined || text === '') return null
  if (text.includes('\u0000')) fail('a comment cannot contain the NUL character')
  return text
}
