import { MAX_VERSION_LENGTH } from './sortable-key.js'

/*
 * Maven's ComparableVersion, as in maven-artifact 3.8.7 (Debian 12's Maven, our test oracle).
 * Written here because no npm package is both maintained and typed (mvncmp is a single-maintainer
 * ES5 port), and because this order cannot be a sortable string: it is not transitive in corner
 * cases (3.8.7 answers `1-alpha < 1 < 1.sp.1 < 1-alpha`), so keys are item trees and comparison
 * walks them the way ComparableVersion does.
 *
 * A version is a list of items: numbers, qualifiers and sub-lists (opened by `-` and by a change
 * between letters and digits). Known qualifiers order alpha < beta < milestone < rc = cr <
 * snapshot < "" = ga = final = release < sp; unknown ones follow, as text. Trailing "null" items
 * (0, "", empty lists) are dropped, so `1.0 = 1` and `1.0-alpha = 1-alpha`.
 */

/** Java's Integer, Long and BigInteger items: different widths never compare by value. */
interface MavenNumber {
  readonly kind: 'number'
  readonly width: 0 | 1 | 2
  /** Without leading zeros; zero is empty. */
  readonly digits: string
}

interface MavenQualifier {
  readonly kind: 'qualifier'
  /** StringItem.comparableQualifier: the index of a known qualifier, or `7-<text>`. */
  readonly comparable: string
}

export interface MavenList {
  readonly kind: 'list'
  readonly items: readonly MavenItem[]
}

type MavenItem = MavenNumber | MavenQualifier | MavenList

interface OpenList {
  readonly kind: 'list'
  readonly items: MavenItem[]
}

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp']
const ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries({ ga: '', final: '', release: '', cr: 'rc' }),
)
const SHORT_QUALIFIERS: ReadonlyMap<string, string> = new Map(
  Object.entries({ a: 'alpha', b: 'beta', m: 'milestone' }),
)
const RELEASE = String(QUALIFIERS.indexOf(''))

const numberItem = (text: string): MavenNumber => {
  // stripLeadingZeroes keeps an all-zero string whole, so its length (not its value) picks the width.
  const stripped = text.replace(/^0+/, '')
  const counted = stripped === '' ? text : stripped
  const width = counted.length <= 9 ? 0 : counted.length <= 18 ? 1 : 2
  return { kind: 'number', width, digits: stripped }
}

const qualifierItem = (text: string, followedByDigit: boolean): MavenQualifier => {
  const expanded = followedByDigit ? (SHORT_QUALIFIERS.get(text) ?? text) : text
  const value = ALIASES.get(expanded) ?? expanded
  const index = QUALIFIERS.indexOf(value)
  const comparable = index < 0 ? `${String(QUALIFIERS.length)}-${value}` : String(index)
  return { kind: 'qualifier', comparable }
}

const isNullItem = (item: MavenItem): boolean => {
  if (item.kind === 'list') return item.items.length === 0
  return item.kind === 'number' ? item.digits === '' : item.comparable === RELEASE
}

/** ListItem.normalize: drop null items from the end, looking through non-null trailing lists. */
const normalize = (list: OpenList): void => {
  for (let index = list.items.length - 1; index >= 0; index -= 1) {
    const item = list.items[index]
    if (item === undefined) continue
    if (isNullItem(item)) list.items.splice(index, 1)
    else if (item.kind !== 'list') break
  }
}

const isDigit = (character: string): boolean => character >= '0' && character <= '9'

/** The parser's state: the list being filled, every list opened so far, and the open token. */
interface Parse {
  list: OpenList
  readonly lists: OpenList[]
  start: number
  isDigit: boolean
}

const openList = (state: Parse): void => {
  const list: OpenList = { kind: 'list', items: [] }
  state.list.items.push(list)
  state.list = list
  state.lists.push(list)
}

const parseItem = (isNumber: boolean, text: string): MavenItem =>
  isNumber ? numberItem(text) : qualifierItem(text, false)

const closeToken = (state: Parse, version: string, index: number): void => {
  state.list.items.push(
    index === state.start
      ? numberItem('0')
      : parseItem(state.isDigit, version.slice(state.start, index)),
  )
  state.start = index + 1
}

const step = (state: Parse, version: string, index: number): void => {
  const character = version.charAt(index)
  if (character === '.') {
    closeToken(state, version, index)
  } else if (character === '-') {
    closeToken(state, version, index)
    openList(state)
  } else if (isDigit(character)) {
    if (!state.isDigit && index > state.start) {
      // "1.0.0.X1 < 1.0.0-X2": a qualifier before digits goes into its own list.
      if (state.list.items.length > 0) openList(state)
      state.list.items.push(qualifierItem(version.slice(state.start, index), true))
      state.start = index
      openList(state)
    }
    state.isDigit = true
  } else {
    if (state.isDigit && index > state.start) {
      state.list.items.push(numberItem(version.slice(state.start, index)))
      state.start = index
      openList(state)
    }
    state.isDigit = false
  }
}

/**
 * ComparableVersion.parseVersion. ASCII only: Java also reads other Unicode digits as digits,
 * which no published Maven version relies on.
 */
export const parseMaven = (version: string): MavenList | undefined => {
  if (version.length > MAX_VERSION_LENGTH || !/^[\x20-\x7e]+$/.test(version)) return undefined
  const text = version.toLowerCase()
  const root: OpenList = { kind: 'list', items: [] }
  const state: Parse = { list: root, lists: [root], start: 0, isDigit: false }
  for (let index = 0; index < text.length; index += 1) step(state, text, index)
  if (text.length > state.start) {
    if (!state.isDigit && state.list.items.length > 0) openList(state)
    state.list.items.push(parseItem(state.isDigit, text.slice(state.start)))
  }
  for (const list of state.lists.reverse()) normalize(list)
  return root
}

const sign = (value: number): -1 | 0 | 1 => (value < 0 ? -1 : value > 0 ? 1 : 0)

const compareNumbers = (a: MavenNumber, b: MavenNumber): -1 | 0 | 1 => {
  if (a.width !== b.width) return a.width < b.width ? -1 : 1
  if (a.digits.length !== b.digits.length) return a.digits.length < b.digits.length ? -1 : 1
  return a.digits < b.digits ? -1 : a.digits > b.digits ? 1 : 0
}

const compareText = (a: string, b: string): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

/** Item.compareTo(null): how an item compares with the padding of a shorter list. */
const compareWithNothing = (item: MavenItem): -1 | 0 | 1 => {
  if (item.kind === 'number') return item.digits === '' ? 0 : 1
  if (item.kind === 'qualifier') return compareText(item.comparable, RELEASE)
  for (const inner of item.items) {
    const result = compareWithNothing(inner)
    if (result !== 0) return result
  }
  return 0
}

const compareLists = (a: MavenList, b: MavenList): -1 | 0 | 1 => {
  const length = Math.max(a.items.length, b.items.length)
  for (let index = 0; index < length; index += 1) {
    const left = a.items[index]
    const right = b.items[index]
    let result: -1 | 0 | 1
    if (left === undefined) result = right === undefined ? 0 : sign(-compareWithNothing(right))
    else if (right === undefined) result = compareWithNothing(left)
    else result = compareMavenItems(left, right)
    if (result !== 0) return result
  }
  return 0
}

/** Kinds that meet at one position: qualifier < list < number (1-sp < 1-1 < 1.1). */
const KIND_RANK = { qualifier: 0, list: 1, number: 2 } as const

const compareMavenItems = (a: MavenItem, b: MavenItem): -1 | 0 | 1 => {
  if (a.kind === 'list' && b.kind === 'list') return compareLists(a, b)
  if (a.kind === 'number' && b.kind === 'number') return compareNumbers(a, b)
  if (a.kind === 'qualifier' && b.kind === 'qualifier')
    return compareText(a.comparable, b.comparable)
  return KIND_RANK[a.kind] < KIND_RANK[b.kind] ? -1 : 1
}

/** ComparableVersion.compareTo. Not a total order in corner cases (see the top of this file). */
export const compareMaven = (a: MavenList, b: MavenList): -1 | 0 | 1 => compareLists(a, b)
