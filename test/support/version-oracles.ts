/**
 * The reference implementations of version orders, as found on this machine: dpkg, Python's
 * `packaging` (and an old one with LegacyVersion), Maven's own ComparableVersion, and rpm.
 * Starting a process per pair from Node is what makes such checks slow, so each oracle takes a
 * whole batch: Python, Java and rpm's Lua compare every pair in one process; dpkg, which answers
 * one question per run, is driven by a shell loop per core. An oracle that cannot run here says
 * why (`missing`) instead of failing.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, homedir, tmpdir } from 'node:os'
import path from 'node:path'

export type OracleAnswer = -1 | 0 | 1 | 'invalid'
export type VersionPair = readonly [string, string]

export interface VersionOracle {
  readonly name: string
  /** Why the oracle cannot run here; undefined when it can. */
  readonly missing: string | undefined
  /**
   * The oracle's order of each pair. `expected` (our answers) only lets an oracle that costs a
   * process per question ask the likely question first; the answers never depend on it.
   */
  compare(
    pairs: readonly VersionPair[],
    expected?: readonly OracleAnswer[],
  ): Promise<OracleAnswer[]>
}

const scratch = (prefix: string): string =>
  mkdtempSync(path.join(process.env['MEDCYBER_TEST_TMP'] ?? tmpdir(), `${prefix}-`))

const commandPath = (command: string): string | undefined => {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' })
  return found.status === 0 ? found.stdout.trim() : undefined
}

const run = (command: string, args: readonly string[], input: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', reject)
    // A child that dies early closes its stdin (EPIPE); its exit status tells the story.
    child.stdin.on('error', () => undefined)
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'))
      else
        reject(
          new Error(
            `${command} exited ${String(code)}: ${Buffer.concat(err).toString('utf8').slice(0, 2000)}`,
          ),
        )
    })
    child.stdin.end(input)
  })

const parseAnswers = (text: string, count: number, name: string): OracleAnswer[] => {
  const lines = text.split('\n').filter((line) => line !== '')
  if (lines.length !== count)
    throw new Error(`${name} gave ${String(lines.length)} answers for ${String(count)} pairs`)
  return lines.map((line) => {
    if (line === 'E') return 'invalid'
    const value = Math.sign(Number(line))
    if (value !== -1 && value !== 0 && value !== 1) throw new Error(`${name} answered ${line}`)
    return value
  })
}

const tabSeparated = (pairs: readonly VersionPair[], extra: readonly string[] = []): string => {
  for (const [a, b] of pairs) {
    if (/[\t\n]/.test(a + b) || a === '' || b === '')
      throw new Error(`cannot pass ${JSON.stringify([a, b])}`)
  }
  return (
    pairs
      .map(([a, b], index) =>
        [a, b, ...(extra[index] === undefined ? [] : [extra[index]])].join('\t'),
      )
      .join('\n') + '\n'
  )
}

// dpkg answers one question per process: ask the expected relation first (one process when we
// agree), and only then work out the real answer. Exit status 2 means dpkg rejects a version.
const DPKG_LOOP = `
ask() { dpkg --compare-versions "$1" "$2" "$3" 2>/dev/null; }
while IFS='\t' read -r a b hint; do
  case "$hint" in -1) op=lt ;; 0) op=eq ;; 1) op=gt ;; *) op= ;; esac
  if [ -n "$op" ] && ask "$a" "$op" "$b"; then echo "$hint"; continue; fi
  ask "$a" lt "$b"; status=$?
  if [ $status -eq 2 ]; then echo E
  elif [ $status -eq 0 ]; then echo -1
  elif ask "$a" eq "$b"; then echo 0
  else echo 1
  fi
done
`

const chunks = <T>(items: readonly T[], count: number): T[][] => {
  const size = Math.ceil(items.length / count)
  const result: T[][] = []
  for (let start = 0; start < items.length; start += size)
    result.push(items.slice(start, start + size))
  return result
}

export const dpkgOracle = (): VersionOracle => ({
  name: 'dpkg --compare-versions',
  missing: commandPath('dpkg') === undefined ? 'dpkg is not installed' : undefined,
  async compare(pairs, expected) {
    const hints = pairs.map((_, index) => {
      const answer = expected?.[index]
      return answer === undefined || answer === 'invalid' ? '' : String(answer)
    })
    const indexes = pairs.map((_, index) => index)
    const parts = chunks(indexes, Math.max(1, availableParallelism()))
    const answers = await Promise.all(
      parts.map(async (part) => {
        const input = tabSeparated(
          part.map((index) => pairs[index] ?? ['', '']),
          part.map((index) => hints[index] ?? ''),
        )
        return parseAnswers(await run('sh', ['-c', DPKG_LOOP], input), part.length, 'dpkg')
      }),
    )
    return answers.flat()
  },
})

const PYTHON_COMPARE = (importLine: string): string => `
import sys, warnings
warnings.simplefilter('ignore')
${importLine}
def key(text):
    try:
        return parse(text)
    except InvalidVersion:
        return None
out = []
for line in sys.stdin.read().split('\\n'):
    if not line:
        continue
    a, b = line.split('\\t')[:2]
    va, vb = key(a), key(b)
    out.append('E' if va is None or vb is None else str((va > vb) - (va < vb)))
print('\\n'.join(out))
`

const pythonOracle = (
  name: string,
  executable: string | undefined,
  importLine: string,
  missing: string,
): VersionOracle => ({
  name,
  missing: executable === undefined ? missing : undefined,
  async compare(pairs) {
    if (executable === undefined) throw new Error(missing)
    const text = await run(executable, ['-c', PYTHON_COMPARE(importLine)], tabSeparated(pairs))
    return parseAnswers(text, pairs.length, name)
  },
})

const pythonWith = (executable: string, importLine: string): boolean =>
  spawnSync(executable, ['-c', importLine], { encoding: 'utf8' }).status === 0

const PACKAGING_IMPORT = 'from packaging.version import Version as parse, InvalidVersion'

/** Python's `packaging.version.Version` (PEP 440; rejects everything else). */
export const packagingOracle = (): VersionOracle => {
  const python = commandPath('python3')
  const usable = python !== undefined && pythonWith(python, PACKAGING_IMPORT) ? python : undefined
  return pythonOracle(
    'python packaging.version',
    usable,
    PACKAGING_IMPORT,
    'python3 with the packaging module is not installed',
  )
}

const LEGACY_IMPORTS = [
  'from packaging.version import parse, LegacyVersion\nclass InvalidVersion(Exception): pass',
  'from pip._vendor.packaging.version import parse, LegacyVersion\nclass InvalidVersion(Exception): pass',
]

/** Pythons that may still carry packaging < 22: MEDCYBER_LEGACY_PYTHON, then pyenv's versions. */
const legacyPythonCandidates = (): string[] => {
  const configured = process.env['MEDCYBER_LEGACY_PYTHON']
  const pyenv = path.join(process.env['PYENV_ROOT'] ?? path.join(homedir(), '.pyenv'), 'versions')
  // Newest first: an old Python 3 rather than Python 2 when both carry packaging < 22.
  const installed = existsSync(pyenv)
    ? readdirSync(pyenv)
        .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
        .map((version) => path.join(pyenv, version, 'bin', 'python'))
    : []
  return [
    ...(configured === undefined ? [] : [configured]),
    ...installed.filter((file) => existsSync(file)),
  ]
}

/** packaging < 22, whose `parse` falls back to LegacyVersion for non-PEP 440 strings. */
export const legacyPackagingOracle = (): VersionOracle => {
  for (const python of legacyPythonCandidates()) {
    for (const importLine of LEGACY_IMPORTS) {
      if (pythonWith(python, importLine)) {
        return pythonOracle(
          `python packaging < 22 LegacyVersion (${python})`,
          python,
          importLine,
          '',
        )
      }
    }
  }
  return pythonOracle(
    'python packaging < 22 LegacyVersion',
    undefined,
    '',
    'no Python with packaging < 22 (LegacyVersion) found; set MEDCYBER_LEGACY_PYTHON',
  )
}

const MAVEN_CLASS = `
import java.io.*;
import java.nio.charset.StandardCharsets;
import org.apache.maven.artifact.versioning.ComparableVersion;
public class MavenOrder {
  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isEmpty()) continue;
      String[] pair = line.split("\\t", -1);
      int result = new ComparableVersion(pair[0]).compareTo(new ComparableVersion(pair[1]));
      out.append(Integer.signum(result)).append('\\n');
    }
    System.out.print(out);
  }
}
`

const mavenJar = (): string | undefined => {
  const folder = '/usr/share/maven/lib'
  if (!existsSync(folder)) return undefined
  const jar = readdirSync(folder).find((file) => /^maven-artifact-.*\.jar$/.test(file))
  return jar === undefined ? undefined : path.join(folder, jar)
}

/** Maven's ComparableVersion from the installed maven-artifact jar, compiled against at test time. */
export const mavenOracle = (): VersionOracle => {
  const jar = mavenJar()
  const javac = commandPath('javac')
  const java = commandPath('java')
  const missing =
    jar === undefined
      ? 'no maven-artifact jar in /usr/share/maven/lib (apt-get install maven)'
      : javac === undefined || java === undefined
        ? 'no JDK (javac) installed'
        : undefined
  let classes: string | undefined
  return {
    name: `Maven ComparableVersion (${jar === undefined ? '?' : path.basename(jar)})`,
    missing,
    async compare(pairs) {
      if (jar === undefined || javac === undefined || java === undefined) throw new Error(missing)
      if (classes === undefined) {
        const folder = scratch('maven-order')
        writeFileSync(path.join(folder, 'MavenOrder.java'), MAVEN_CLASS)
        await run(javac, ['-cp', jar, '-d', folder, path.join(folder, 'MavenOrder.java')], '')
        classes = folder
      }
      const text = await run(
        java,
        ['-cp', `${jar}${path.delimiter}${classes}`, 'MavenOrder'],
        tabSeparated(pairs),
      )
      return parseAnswers(text, pairs.length, 'maven')
    },
  }
}

const RPM_LUA = (input: string, output: string): string => `
local out = {}
for line in io.lines(${JSON.stringify(input)}) do
  local a, b = line:match("^([^\\t]*)\\t([^\\t]*)$")
  local ok, result = pcall(rpm.vercmp, a, b)
  if ok then out[#out + 1] = tostring(result) else out[#out + 1] = "E" end
end
local file = io.open(${JSON.stringify(output)}, "w")
file:write(table.concat(out, "\\n"), "\\n")
file:close()
`

/** rpm's own rpm.vercmp (full epoch:version-release), through its embedded Lua, one process. */
export const rpmOracle = (): VersionOracle => {
  const rpm = commandPath('rpm')
  const missing = rpm === undefined ? 'rpm is not installed (apt-get install -y rpm)' : undefined
  return {
    name: 'rpm.vercmp (rpm --eval lua)',
    missing,
    async compare(pairs) {
      if (rpm === undefined) throw new Error(missing)
      const folder = scratch('rpm-order')
      const input = path.join(folder, 'pairs.tsv')
      const output = path.join(folder, 'answers.txt')
      const script = path.join(folder, 'compare.lua')
      writeFileSync(input, tabSeparated(pairs))
      writeFileSync(script, RPM_LUA(input, output))
      await run(rpm, ['--eval', `%{lua: dofile(${JSON.stringify(script)})}`], '')
      return parseAnswers(readFileSync(output, 'utf8'), pairs.length, 'rpm')
    },
  }
}

/** The pairs where `ours` and the oracle's answers differ, for a readable failure. */
export const disagreements = (
  pairs: readonly VersionPair[],
  ours: readonly OracleAnswer[],
  theirs: readonly OracleAnswer[],
): { readonly pair: VersionPair; readonly ours: OracleAnswer; readonly theirs: OracleAnswer }[] =>
  pairs.flatMap((pair, index) => {
    const mine = ours[index]
    const reference = theirs[index]
    return mine === undefined || reference === undefined || mine === reference
      ? []
      : [{ pair, ours: mine, theirs: reference }]
  })
