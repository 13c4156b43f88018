import type { Browser } from 'playwright-core'

export interface ImageDiff {
  readonly sameSize: boolean
  /** Share of pixels whose color differs by more than the per-channel threshold (0 to 1). */
  readonly changed: number
}

// Runs in the page (kept as text: the project's types describe Node.js, not the DOM).
const COMPARE = `async ([a, b]) => {
  const load = async (base64) => {
    const image = new Image()
    image.src = 'data:image/png;base64,' + base64
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = image.width
    canvas.height = image.height
    const context = canvas.getContext('2d')
    context.drawImage(image, 0, 0)
    return context.getImageData(0, 0, image.width, image.height)
  }
  const x = await load(a)
  const y = await load(b)
  if (x.width !== y.width || x.height !== y.height) return { sameSize: false, changed: 1 }
  let changed = 0
  for (let i = 0; i < x.data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs(x.data[i + c] - y.data[i + c]) > 32) { changed++; break }
    }
  }
  return { sameSize: true, changed: changed / (x.width * x.height) }
}`

/**
 * Compares two PNG screenshots pixel by pixel in the browser's own canvas, so the test needs no
 * image library: decoding happens in the engine that took the pictures.
 */
export async function comparePngs(browser: Browser, actual: Buffer, expected: Buffer): Promise<ImageDiff> {
  const page = await browser.newPage()
  try {
    const compare = await page.evaluateHandle(COMPARE)
    return (await compare.evaluate(
      (fn, images) => (fn as (i: string[]) => Promise<ImageDiff>)(images),
      [actual.toString('base64'), expected.toString('base64')],
    )) as ImageDiff
  } finally {
    await page.close()
  }
}
