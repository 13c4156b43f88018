/**
 * Position conversions for one text. PostgreSQL's parser counts statement locations in UTF-8 bytes
 * and error cursors in characters (code points); JS strings index UTF-16 code units.
 */
export class TextPositions {
  private byteCursor = 0
  private indexCursor = 0

  constructor(readonly text: string) {}

  /**
   * The string index of a UTF-8 byte offset. Calls must come in increasing order of offset (the
   * parser reports statements in file order), which keeps a whole file linear.
   */
  indexOfByte(byteOffset: number): number {
    if (byteOffset < this.byteCursor) {
      this.byteCursor = 0
      this.indexCursor = 0
    }
    while (this.byteCursor < byteOffset && this.indexCursor < this.text.length) {
      const code = this.text.codePointAt(this.indexCursor)!
      this.byteCursor += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
      this.indexCursor += code >= 0x10000 ? 2 : 1
    }
    return this.indexCursor
  }

  /** The string index of a code point offset. */
  indexOfCodePoint(codePoints: number): number {
    let index = 0
    for (let n = 0; n < codePoints && index < this.text.length; n++)
      index += this.text.codePointAt(index)! >= 0x10000 ? 2 : 1
    return index
  }

  /** 1-based line and column (in code points) of a string index. */
  lineAndColumn(index: number): { line: number; column: number } {
    const before = this.text.slice(0, index)
    const lineStart = before.lastIndexOf('\n') + 1
    return { line: countNewlines(before) + 1, column: [...before.slice(lineStart)].length + 1 }
  }
}

export function countNewlines(text: string): number {
  let count = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++
  return count
}
