/**
 * bytea in text form. PostgreSQL writes hex (`\x0102ff`) since 9.0; the older escape format
 * (`\001abc\\`) still appears when a server sets `bytea_output = 'escape'`.
 */

const hexDigits = '0123456789abcdef'

/** Reads bytea text in hex or legacy escape format. */
export function parseBytea(text: string): Uint8Array {
  return text.startsWith('\\x') ? parseHex(text) : parseEscaped(text)
}

/** Writes bytes in hex format: `\x` followed by two lowercase hex digits per byte. */
export function formatBytea(bytes: Uint8Array): string {
  let out = '\\x'
  for (const byte of bytes) out += hexDigits[byte >> 4]! + hexDigits[byte & 15]!
  return out
}

function parseHex(text: string): Uint8Array {
  const hex = text.slice(2)
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new SyntaxError(`Invalid bytea hex text: ${JSON.stringify(text)}`)
  }
  const bytes = new Uint8Array(hex.length / 2)
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

function parseEscaped(text: string): Uint8Array {
  const bytes: number[] = []
  let i = 0
  while (i < text.length) {
    const char = text[i]!
    if (char !== '\\') {
      bytes.push(text.charCodeAt(i) & 0xff)
      i += 1
    } else if (text[i + 1] === '\\') {
      bytes.push(0x5c)
      i += 2
    } else {
      const octal = text.slice(i + 1, i + 4)
      if (!/^[0-3][0-7]{2}$/.test(octal))
        throw new SyntaxError(`Invalid bytea escape text: ${JSON.stringify(text)}`)
      bytes.push(Number.parseInt(octal, 8))
      i += 4
    }
  }
  return Uint8Array.from(bytes)
}
