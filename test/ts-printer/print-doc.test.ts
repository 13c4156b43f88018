import { describe, expect, it } from 'vitest'
import { hardline, indent, join, literalline } from '../../src/ts-printer/doc.js'
import { printDoc } from '../../src/ts-printer/print-doc.js'

const options = { width: 80, indentWidth: 2 }

describe('printDoc', () => {
  it('trims the spaces a line break leaves at the end of a line of code', () => {
    expect(printDoc(indent(['a  ', hardline, 'b']), options)).toBe('a\n  b')
  })

  it("keeps a template literal's own spaces before its line breaks, and its whitespace-only lines", () => {
    // A routine body as PostgreSQL stores it: a tab after "early", a line of four spaces.
    const body = 'return early\t\n    \n  end'
    expect(printDoc(indent(['sql`', join(literalline, body.split('\n')), '`']), options)).toBe(
      `sql\`${body}\``,
    )
  })
})
