/**
 * Where each table's box goes in the studio's diagram. A fixed grid in the model's (sorted) table
 * order, so the same schema always draws the same picture: a screenshot test can compare it.
 */
export interface BoxSize {
  readonly key: string
  /** Rows of text inside the box (its columns). */
  readonly lines: number
}

export interface Box {
  readonly key: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export const BOX_WIDTH = 280
export const HEADER_HEIGHT = 28
export const LINE_HEIGHT = 20
const GAP_X = 90
const GAP_Y = 60
const MARGIN = 20
// Room right of the last column for the loop a foreign key to its own table draws.
const LOOP_ROOM = 50

/** Boxes on a grid about as wide as tall; each grid row is as tall as its tallest box. */
export function layoutBoxes(tables: readonly BoxSize[]): { boxes: Box[]; width: number; height: number } {
  const perRow = Math.max(1, Math.ceil(Math.sqrt(tables.length)))
  const boxes: Box[] = []
  let y = MARGIN
  let width = 0
  for (let start = 0; start < tables.length; start += perRow) {
    const row = tables.slice(start, start + perRow)
    const heights = row.map((t) => HEADER_HEIGHT + LINE_HEIGHT * Math.max(1, t.lines) + 8)
    row.forEach((table, i) => {
      const x = MARGIN + i * (BOX_WIDTH + GAP_X)
      boxes.push({ key: table.key, x, y, width: BOX_WIDTH, height: heights[i]! })
      width = Math.max(width, x + BOX_WIDTH + LOOP_ROOM)
    })
    y += Math.max(...heights) + GAP_Y
  }
  return { boxes, width: Math.max(width, 2 * MARGIN), height: Math.max(y - GAP_Y + MARGIN, 2 * MARGIN) }
}
