import { alpineKey } from './alpine-order.js'
import { debianKey } from './debian-order.js'
import { genericKey } from './generic-order.js'
import { goKey } from './go-order.js'
import { compareMaven, parseMaven, type MavenList } from './maven-order.js'
import { nugetKey } from './nuget-order.js'
import { pypiKey } from './pypi-order.js'
import { rpmKey } from './rpm-order.js'
import { rubygemsKey } from './rubygems-order.js'
import { semverKey } from './semver-order.js'
import { compareSortable, type Ordering } from './sortable-key.js'

export const VERSION_FAMILIES = [
  'semver',
  'go',
  'nuget',
  'pypi',
  'maven',
  'debian',
  'rpm',
  'alpine',
  'rubygems',
  'generic',
] as const
/** A version order shared by one or more ecosystems. */
export type VersionFamily = (typeof VERSION_FAMILIES)[number]

export type SortableFamily = Exclude<VersionFamily, 'maven'>

/**
 * A version parsed once for cheap comparison. Every family but Maven has a sortable string (its
 * plain string order is the version order, so it can also be stored and indexed); Maven keeps
 * ComparableVersion's item tree because that order is not total.
 */
export type VersionKey =
  | { readonly family: SortableFamily; readonly sortable: string }
  | { readonly family: 'maven'; readonly maven: MavenList }

const SORTABLE_KEYS: Readonly<Record<SortableFamily, (version: string) => string | undefined>> = {
  semver: semverKey,
  go: goKey,
  nuget: nugetKey,
  pypi: pypiKey,
  debian: debianKey,
  rpm: rpmKey,
  alpine: alpineKey,
  rubygems: rubygemsKey,
  generic: genericKey,
}

/** The key of `version` in `family`, or undefined when that family has no such version. */
export const parseVersionKey = (family: VersionFamily, version: string): VersionKey | undefined => {
  if (family === 'maven') {
    const maven = parseMaven(version)
    return maven === undefined ? undefined : { family, maven }
  }
  const sortable = SORTABLE_KEYS[family](version)
  return sortable === undefined ? undefined : { family, sortable }
}

/** -1, 0 or 1 as `a` is older than, the same as, or newer than `b`; both of one family. */
export const compareVersionKeys = (a: VersionKey, b: VersionKey): Ordering => {
  if ('sortable' in a && 'sortable' in b && a.family === b.family) {
    return compareSortable(a.sortable, b.sortable)
  }
  if ('maven' in a && 'maven' in b) return compareMaven(a.maven, b.maven)
  throw new Error(`cannot compare a ${a.family} version with a ${b.family} version`)
}

/** compareVersionKeys on two version strings; undefined when either is not a version. */
export const compareVersions = (
  family: VersionFamily,
  a: string,
  b: string,
): Ordering | undefined => {
  const left = parseVersionKey(family, a)
  const right = parseVersionKey(family, b)
  return left === undefined || right === undefined ? undefined : compareVersionKeys(left, right)
}
