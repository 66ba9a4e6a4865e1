const MAX_INPUT = 40_000

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

/**
 * Plain text from the light HTML other tools put in titles and descriptions (`<b>`, `<a href>`,
 * `<br>`): medcyber keeps presentation out of the model. A link keeps its address.
 */
export const plainText = (value: string): string =>
  // Longer than any field keeps; the cap keeps the patterns below linear in practice.
  value
    .slice(0, MAX_INPUT)
    .replace(
      /<a\s[^>]*href\s*=\s*["']([^"']*)["'][^>]*>(.*?)<\/a>/gi,
      (_match, href: string, label: string) =>
        label.trim() === '' || label.trim() === href ? href : `${label} (${href})`,
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_match, name: string) => ENTITIES[name] ?? '')
    .replace(/[ \t]+\n/g, '\n')
    .trim()

/** One line, single spaces: names drawn over several lines in a diagram (`Web\nServer`). */
export const oneLine = (value: string): string => plainText(value).replace(/\s+/g, ' ').trim()

/** Cuts text to a schema's length limit, saying that it was cut. */
export const limitText = (value: string, max: number): string =>
  value.length <= max ? value : `${value.slice(0, max - 3)}...`
