import { SchemaError } from '../../../model/schema-error.js'

/**
 * A declared comment as the model holds it. PostgreSQL keeps no empty comment (`COMMENT ... IS ''`
 * removes one), so an empty text is none; a NUL character cannot be stored in text at all.
 */
export function commentText(text: string | undefined, label: string): string | null {
  if (text === undefined || text === '') return null
  if (text.includes('\u0000')) throw new SchemaError(label, 'a comment cannot contain the NUL character')
  return text
}
