import { PackageURL } from 'packageurl-js'

/**
 * The key advisories and components meet on: an OSV ecosystem family and a package name
 * normalized the way that ecosystem compares names. Release suffixes (`Debian:12`) stay out of
 * the key: a Debian advisory for bookworm still names the same package as one for bullseye, and
 * the release is checked with the version.
 */
export interface PackageKey {
  readonly ecosystem: string
  readonly name: string
}

export const packageKeyString = (key: PackageKey): string => `${key.ecosystem}\u0000${key.name}`

/** purl type → OSV ecosystem (osv-schema ecosystems.json, purl-spec types). */
const PURL_ECOSYSTEMS: Readonly<Record<string, string>> = {
  npm: 'npm',
  pypi: 'PyPI',
  maven: 'Maven',
  golang: 'Go',
  nuget: 'NuGet',
  gem: 'RubyGems',
  cargo: 'crates.io',
  composer: 'Packagist',
  hex: 'Hex',
  pub: 'Pub',
  apk: 'Alpine',
  swift: 'SwiftURL',
  cran: 'CRAN',
  hackage: 'Hackage',
}

/** OSV distribution ecosystems whose purl type is shared and told apart by namespace. */
const DISTRO_NAMESPACES: Readonly<Record<string, string>> = {
  debian: 'Debian',
  ubuntu: 'Ubuntu',
  alpine: 'Alpine',
  redhat: 'Red Hat',
  rocky: 'Rocky Linux',
  'rocky-linux': 'Rocky Linux',
  almalinux: 'AlmaLinux',
  suse: 'SUSE',
  opensuse: 'openSUSE',
}

/** The ecosystem family of an OSV ecosystem string: `Debian:12` → `Debian`. */
export const ecosystemFamily = (ecosystem: string): string => ecosystem.split(':')[0] ?? ecosystem

/** PEP 503 name normalization: case and runs of `-`, `_`, `.` do not matter. */
const pep503 = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-')

export const normalizePackageName = (family: string, name: string): string => {
  switch (family) {
    case 'PyPI':
      return pep503(name)
    case 'NuGet':
    case 'Packagist':
    case 'Hex':
    case 'Pub':
    case 'crates.io':
    case 'Alpine':
    case 'Debian':
    case 'Ubuntu':
      return name.toLowerCase()
    default:
      // npm, Maven, Go, RubyGems and the RPM distributions compare names exactly.
      return name
  }
}

/** The key of an OSV `affected[].package`. */
export const osvPackageKey = (ecosystem: string, name: string): PackageKey => {
  const family = ecosystemFamily(ecosystem)
  return { ecosystem: family, name: normalizePackageName(family, name) }
}

export interface PurlIdentity {
  readonly key: PackageKey
  /** `packageKeyString(key)`, made once with the cached identity (a lookup per scan). */
  readonly keyString: string
  readonly version?: string
  /** OSV release suffix the purl implies (`12` for `distro=debian-12`), when it says. */
  readonly release?: string
}

/**
 * A component purl as the matcher sees it, or undefined for purl types no advisory source
 * names (`generic`, `github` ...): those components are matched by CPE or by name instead.
 */
const familyOf = (type: string, namespace: string | undefined): string | undefined =>
  type === 'deb' || type === 'rpm'
    ? DISTRO_NAMESPACES[(namespace ?? '').toLowerCase()]
    : PURL_ECOSYSTEMS[type]

/** How the ecosystem's own records spell the full name (Maven `group:artifact`, npm `@scope/x`). */
const fullNameOf = (family: string, namespace: string | undefined, name: string): string => {
  if (family === 'Maven') return `${namespace ?? ''}:${name}`
  if (namespace !== undefined && (family === 'npm' || family === 'Go' || family === 'Packagist')) {
    return `${namespace}/${name}`
  }
  return name
}

/**
 * Parsed purls, bounded: a portfolio repeats the same purls across products and releases, and
 * packageurl-js parsing is the largest cost of a purl lookup.
 */
const IDENTITY_CACHE_LIMIT = 200_000
const identities = new Map<string, PurlIdentity | null>()

export const purlIdentity = (purl: string): PurlIdentity | undefined => {
  const cached = identities.get(purl)
  if (cached !== undefined) return cached ?? undefined
  const identity = parsePurlIdentity(purl)
  if (identities.size >= IDENTITY_CACHE_LIMIT) identities.clear()
  identities.set(purl, identity ?? null)
  return identity
}

const parsePurlIdentity = (purl: string): PurlIdentity | undefined => {
  let parsed: PackageURL
  try {
    parsed = PackageURL.fromString(purl)
  } catch {
    return undefined
  }
  const namespace = parsed.namespace ?? undefined
  const family = familyOf(parsed.type, namespace)
  if (family === undefined) return undefined
  const release = parsed.qualifiers?.['distro']?.replace(/^[a-z-]+-/i, '') ?? ''
  const key = {
    ecosystem: family,
    name: normalizePackageName(family, fullNameOf(family, namespace, parsed.name)),
  }
  return {
    key,
    keyString: packageKeyString(key),
    ...(parsed.version === undefined ? {} : { version: parsed.version }),
    ...(release === '' ? {} : { release }),
  }
}
