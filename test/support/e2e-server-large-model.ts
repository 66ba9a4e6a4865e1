/** One file of a model folder as the API carries it. */
export interface ModelFile {
  readonly path: string
  readonly text: string
}

const FILLER =
  'bench capture of the pump-to-server link, kept beside the model for the design review record'

/**
 * A YAML file of nothing but comments, `size` bytes long: the model loader never reads it (the
 * root file does not include it), so the model stays valid, yet the store keeps it as one of the
 * model's files. `tag` goes into every line, so files of two tags differ throughout.
 */
const commentFile = (tag: string, index: number, size: number): string => {
  const lines: string[] = []
  let length = 0
  for (let line = 1; length < size; line += 1) {
    const text = `# ${tag} file ${String(index)} line ${String(line)}: ${FILLER}`
    lines.push(text)
    length += text.length + 1
  }
  return `${lines.join('\n')}\n`
}

/**
 * The model's own files plus `count` large comment files of 50–100 KB under `review-notes/`:
 * a whole model folder of about `count` × 75 KB, sent in one import.
 */
export const largeModel = (base: readonly ModelFile[], tag: string, count: number): ModelFile[] => {
  const extra = Array.from({ length: count }, (_, index) => ({
    path: `review-notes/capture-${String(index).padStart(3, '0')}.yaml`,
    // Sizes spread over 50–100 KB, the same for every tag.
    text: commentFile(tag, index, 50_000 + ((index * 7919) % 50_000)),
  }))
  return [...base, ...extra]
}

/** Path → text in code-unit order of the paths (as the store sorts them), for exact comparison. */
export const byPath = (files: readonly ModelFile[]): Map<string, string> =>
  new Map(
    [...files]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((file) => [file.path, file.text]),
  )
