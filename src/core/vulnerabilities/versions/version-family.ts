import type { VersionFamily } from './version-key.js'

// OSV ecosystem names (osv-schema's ecosystems.json), matched without case and without their
// `:suffix` (`Debian:12`, `Alpine:v3.20`, `Ubuntu:Pro:22.04:LTS`, `Maven:https://...`).
const ECOSYSTEM_FAMILIES: ReadonlyMap<string, VersionFamily> = new Map(
  Object.entries({
    npm: 'semver',
    'crates.io': 'semver',
    hex: 'semver',
    pub: 'semver',
    swifturl: 'semver',
    go: 'go',
    kubernetes: 'go',
    nuget: 'nuget',
    pypi: 'pypi',
    maven: 'maven',
    debian: 'debian',
    ubuntu: 'debian',
    alpine: 'alpine',
    alpaquita: 'alpine',
    wolfi: 'alpine',
    chainguard: 'alpine',
    minimos: 'alpine',
    'red hat': 'rpm',
    'rocky linux': 'rpm',
    almalinux: 'rpm',
    suse: 'rpm',
    opensuse: 'rpm',
    'photon os': 'rpm',
    mageia: 'rpm',
    openeuler: 'rpm',
    'azure linux': 'rpm',
    rubygems: 'rubygems',
  }),
)

// purl types (package-url spec) and the order their versions follow.
const PURL_TYPE_FAMILIES: ReadonlyMap<string, VersionFamily> = new Map(
  Object.entries({
    npm: 'semver',
    cargo: 'semver',
    hex: 'semver',
    pub: 'semver',
    swift: 'semver',
    golang: 'go',
    nuget: 'nuget',
    pypi: 'pypi',
    maven: 'maven',
    deb: 'debian',
    rpm: 'rpm',
    apk: 'alpine',
    gem: 'rubygems',
  }),
)

/**
 * The version order of an OSV ecosystem. Ecosystems without a known order (Packagist, Hackage,
 * CRAN, Linux, GitHub Actions, unknown names, ...) get the documented generic order.
 */
export const versionFamilyOfEcosystem = (ecosystem: string): VersionFamily => {
  const [base = '', inner = ''] = ecosystem.split(':').map((part) => part.trim().toLowerCase())
  // Root's images carry the ecosystem they patch: `Root:Alpine:3.18`, `Root:PyPI`.
  const name = base === 'root' ? inner : base
  return ECOSYSTEM_FAMILIES.get(name) ?? 'generic'
}

/** The version order of a purl type (`pkg:<type>/...`); unknown types get the generic order. */
export const versionFamilyOfPurlType = (type: string): VersionFamily =>
  PURL_TYPE_FAMILIES.get(type.toLowerCase()) ?? 'generic'
