import { createHash } from 'node:crypto'

/** sha256 of the UTF-8 bytes of the parts, in order, as lowercase hex. */
export function sha256Hex(...parts: readonly string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part, 'utf8')
  return hash.digest('hex')
}

/** The checksum the journal stores for a migration's up.sql: sha256 of its bytes. */
export function upChecksum(up: string): string {
  return sha256Hex(up)
}

/** The checksum the journal stores for a migration's down.sql: sha256 of its bytes (none: of no bytes). */
export function downChecksum(down: string | null): string {
  return sha256Hex(down ?? '')
}
