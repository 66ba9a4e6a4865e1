import path from 'node:path'

/** `--data-dir`, else `$MEDCYBER_DATA_DIR`, else `~/.medcyber`. The caller passes env and home. */
export const resolveDataDir = (
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  homeDir: string,
): string => {
  const chosen = explicit ?? env['MEDCYBER_DATA_DIR']
  return path.resolve(
    chosen !== undefined && chosen !== '' ? chosen : path.join(homeDir, '.medcyber'),
  )
}
