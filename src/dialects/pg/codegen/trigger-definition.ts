import type { TriggerEvent } from '../dsl/objects/trigger.js'

/** A trigger as pg_get_triggerdef prints it, taken apart for the structured `trigger()` call. */
export interface TriggerParts {
  readonly timing: 'before' | 'after' | 'instead of'
  readonly events: readonly TriggerEvent[]
  /** Column names of UPDATE OF, unquoted. */
  readonly updateOf: readonly string[]
  readonly referencing: { readonly oldTable?: string; readonly newTable?: string } | undefined
  readonly forEach: 'row' | 'statement'
  readonly when: string | undefined
  /** The function as printed (`public.touch`), and its literal arguments. */
  readonly function: string
  readonly arguments: readonly string[]
}

const IDENT = String.raw`(?:"(?:[^"]|"")*"|[^\s"(),.]+)`
const SHAPE = new RegExp(
  String.raw`^CREATE TRIGGER (${IDENT}) (BEFORE|AFTER|INSTEAD OF) (.+?) ON (${IDENT}\.${IDENT}) ` +
    `(?:REFERENCING ((?:OLD TABLE AS ${IDENT} ?)?(?:NEW TABLE AS ${IDENT} ?)?))?` +
    String.raw`FOR EACH (ROW|STATEMENT) (?:WHEN \((.*)\) )?EXECUTE FUNCTION (${IDENT}\.${IDENT})\((.*)\)$`,
  's',
)

/**
 * Reads the parts back from the fixed form PostgreSQL prints. Undefined for what the structured
 * form does not express (constraint triggers, FROM, DEFERRABLE), which is then written as its
 * statement.
 */
export function parseTriggerDefinition(definition: string): TriggerParts | undefined {
  const match = SHAPE.exec(definition)
  if (match === null) return undefined
  const [, , timing, eventText, , referencing, forEach, when, fn, args] = match
  const events: TriggerEvent[] = []
  let updateOf: string[] = []
  for (const event of splitEvents(eventText!)) {
    if (event.startsWith('UPDATE OF ')) {
      events.push('update')
      const columns = splitList(event.slice('UPDATE OF '.length)).map(unquote)
      if (columns.some((c) => c === undefined)) return undefined
      updateOf = columns as string[]
    } else if (['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'].includes(event)) {
      events.push(event.toLowerCase() as TriggerEvent)
    } else return undefined
  }
  const literals = args!.trim() === '' ? [] : splitList(args!).map(literal)
  if (literals.some((l) => l === undefined)) return undefined
  const oldTable = referencing === undefined ? undefined : /OLD TABLE AS (\S+)/.exec(referencing)?.[1]
  const newTable = referencing === undefined ? undefined : /NEW TABLE AS (\S+)/.exec(referencing)?.[1]
  return {
    timing: timing!.toLowerCase() as TriggerParts['timing'],
    events,
    updateOf,
    referencing:
      referencing === undefined
        ? undefined
        : {
            ...(oldTable === undefined ? {} : { oldTable: unquote(oldTable)! }),
            ...(newTable === undefined ? {} : { newTable: unquote(newTable)! }),
          },
    forEach: forEach!.toLowerCase() as TriggerParts['forEach'],
    when,
    function: fn!,
    arguments: literals as string[],
  }
}

/** `INSERT OR UPDATE OF a, "b OR c" OR DELETE` at its top-level ORs (quoted names kept whole). */
function splitEvents(text: string): string[] {
  return splitOutsideQuotes(text, ' OR ')
}

function splitList(text: string): string[] {
  return splitOutsideQuotes(text, ', ')
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = []
  let start = 0
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quote !== undefined) {
      // A doubled quote is one quote character inside the quoted text.
      if (char === quote && text[i + 1] === quote) i++
      else if (char === quote) quote = undefined
    } else if (char === '"' || char === "'") quote = char
    else if (text.startsWith(separator, i)) {
      parts.push(text.slice(start, i))
      start = i + separator.length
      i += separator.length - 1
    }
  }
  parts.push(text.slice(start))
  return parts.map((p) => p.trim())
}

function unquote(name: string): string | undefined {
  if (name.startsWith('"')) return name.endsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : undefined
  return /^[^\s"]+$/.test(name) ? name : undefined
}

/** `'a''b'` (or E'...' with backslashes) as its text. */
function literal(text: string): string | undefined {
  if (/^'(?:[^']|'')*'$/.test(text)) return text.slice(1, -1).replaceAll("''", "'")
  if (/^E'(?:[^'\\]|''|\\.)*'$/.test(text)) {
    return text.slice(2, -1).replaceAll("''", "'").replace(/\\(.)/g, '$1')
  }
  return undefined
}
