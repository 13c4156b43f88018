import { createHash } from 'node:crypto'

/** sha256 of the UTF-8 bytes of the parts, in order, as lowercase hex. */
export function sha256Hex(...parts: readonly string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part, 'utf8')
  return hash.digest('hex')
}

/** The checksum the journal stores for a migration: sha256 of its up.sql bytes. */
export function upChecksum(up: string): string {
  return sha256Hex(up)
}
