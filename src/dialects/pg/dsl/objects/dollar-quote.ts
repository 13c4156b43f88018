/** `$$body$$`, or `$body$`/`$body1$`... when the body itself holds the shorter tag. */
export function dollarQuote(body: string): string {
  if (!body.includes('$$')) return `$$${body}$$`
  for (let i = 0; ; i++) {
    const tag = `$body${i === 0 ? '' : i}$`
    if (!body.includes(tag)) return `${tag}${body}${tag}`
  }
}
