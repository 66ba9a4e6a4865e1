import path from 'node:path'

/**
 * Resolves `relative` against the directory of `from`, and refuses a result outside `root`, so a
 * model cannot make us read files beyond its own folder (`../../etc/passwd`, absolute paths).
 */
export const containedPath = (root: string, from: string, relative: string): string | undefined => {
  if (path.isAbsolute(relative) || relative.includes('\0')) return undefined
  const resolved = path.join(path.dirname(from), relative)
  const fromRoot = path.relative(root, resolved)
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return undefined
  return resolved
}
