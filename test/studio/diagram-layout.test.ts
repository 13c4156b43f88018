import { describe, expect, it } from 'vitest'
import { layoutBoxes } from '../../src/studio/diagram-layout.js'

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('the diagram layout', () => {
  it('puts every box inside the picture, none overlapping, the same way each time', () => {
    const tables = Array.from({ length: 11 }, (_, i) => ({ key: `public.t${i}`, lines: (i * 7) % 13 }))
    const layout = layoutBoxes(tables)
    expect(layout.boxes.map((b) => b.key)).toEqual(tables.map((t) => t.key))
    for (const [i, a] of layout.boxes.entries()) {
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width)
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height)
      for (const b of layout.boxes.slice(i + 1)) expect(overlap(a, b), `${a.key} / ${b.key}`).toBe(false)
    }
    // 11 tables: rows of 4, so the picture stays about as wide as it is tall.
    expect(new Set(layout.boxes.map((b) => b.y)).size).toBe(3)
    expect(layoutBoxes(tables)).toEqual(layout)
  })

  it('gives a taller box to a table with more columns, and draws an empty database as a small frame', () => {
    const { boxes } = layoutBoxes([
      { key: 'a', lines: 2 },
      { key: 'b', lines: 9 },
    ])
    expect(boxes[1]!.height).toBeGreaterThan(boxes[0]!.height)
    expect(layoutBoxes([])).toMatchObject({ boxes: [] })
  })
})
