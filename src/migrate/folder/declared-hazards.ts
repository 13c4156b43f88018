import type { Hazard, HazardKind } from '../../diff/changes.js'

const KINDS: Record<HazardKind, true> = {
  'data-loss': true,
  'table-rewrite': true,
  'long-lock': true,
  breaking: true,
  security: true,
}

/**
 * The hazards a migration file declares in its leading comments, as `tidemark generate` writes
 * them (a hand-written file may declare its own the same way):
 *
 *   -- Hazards:
 *   --   data-loss: drops column "public"."users"."age" and its data
 */
export function declaredHazards(text: string): Hazard[] {
  const hazards: Hazard[] = []
  let inList = false
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!line.startsWith('--')) {
      if (line.trim() === '') continue
      break // the first statement: the header is over
    }
    if (/^--\s*Hazards:\s*$/.test(line)) {
      inList = true
      continue
    }
    const item = inList ? /^--\s+([a-z-]+):\s*(.*)$/.exec(line) : null
    if (item && Object.hasOwn(KINDS, item[1]!))
      hazards.push({ kind: item[1] as HazardKind, message: item[2]! })
    else inList = false
  }
  return hazards
}
