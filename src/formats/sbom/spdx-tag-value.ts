import { formatPath, type DocumentPath } from '../../core/index.js'
import type { JsonRecord } from './json-access.js'
import { problem, type SbomProblem } from './sbom-problem.js'

/**
 * SPDX 2.2 / 2.3 tag-value (`Tag: value` lines, `<text>...</text>` for values over several lines)
 * read into the SPDX JSON form, so one schema check and one normalizer serve both encodings. We
 * write this parser ourselves because no JavaScript library reads tag-value: npm has SPDX licence
 * expression parsers only, and the SPDX tools that read it are Java, Python and Go programs.
 */

interface Entry {
  readonly tag: string
  readonly value: string
  readonly line: number
}

type Section = 'document' | 'packages' | 'files' | 'snippets' | 'hasExtractedLicensingInfos'

/** The tag that opens each element section. */
const OPENERS: Readonly<Record<string, Section>> = {
  PackageName: 'packages',
  FileName: 'files',
  SnippetSPDXID: 'snippets',
  LicenseID: 'hasExtractedLicensingInfos',
}

type Kind = 'text' | 'list' | 'bool' | 'checksum' | 'checksums'

/** Tag → JSON key (and how the value is read), per section; `creationInfo.x` nests. */
const FIELDS: Readonly<Record<Section, Readonly<Record<string, readonly [string, Kind]>>>> = {
  document: {
    SPDXVersion: ['spdxVersion', 'text'],
    DataLicense: ['dataLicense', 'text'],
    SPDXID: ['SPDXID', 'text'],
    DocumentName: ['name', 'text'],
    DocumentNamespace: ['documentNamespace', 'text'],
    DocumentComment: ['comment', 'text'],
    LicenseListVersion: ['creationInfo.licenseListVersion', 'text'],
    Creator: ['creationInfo.creators', 'list'],
    Created: ['creationInfo.created', 'text'],
    CreatorComment: ['creationInfo.comment', 'text'],
  },
  packages: {
    PackageName: ['name', 'text'],
    SPDXID: ['SPDXID', 'text'],
    PackageVersion: ['versionInfo', 'text'],
    PackageFileName: ['packageFileName', 'text'],
    PackageSupplier: ['supplier', 'text'],
    PackageOriginator: ['originator', 'text'],
    PackageDownloadLocation: ['downloadLocation', 'text'],
    FilesAnalyzed: ['filesAnalyzed', 'bool'],
    PackageChecksum: ['checksums', 'checksums'],
    PackageHomePage: ['homepage', 'text'],
    PackageSourceInfo: ['sourceInfo', 'text'],
    PackageLicenseConcluded: ['licenseConcluded', 'text'],
    PackageLicenseInfoFromFiles: ['licenseInfoFromFiles', 'list'],
    PackageLicenseDeclared: ['licenseDeclared', 'text'],
    PackageLicenseComments: ['licenseComments', 'text'],
    PackageCopyrightText: ['copyrightText', 'text'],
    PackageSummary: ['summary', 'text'],
    PackageDescription: ['description', 'text'],
    PackageComment: ['comment', 'text'],
    PackageAttributionText: ['attributionTexts', 'list'],
    PrimaryPackagePurpose: ['primaryPackagePurpose', 'text'],
    ReleaseDate: ['releaseDate', 'text'],
    BuiltDate: ['builtDate', 'text'],
    ValidUntilDate: ['validUntilDate', 'text'],
  },
  files: {
    FileName: ['fileName', 'text'],
    SPDXID: ['SPDXID', 'text'],
    FileType: ['fileTypes', 'list'],
    FileChecksum: ['checksums', 'checksums'],
    LicenseConcluded: ['licenseConcluded', 'text'],
    LicenseInfoInFile: ['licenseInfoInFiles', 'list'],
    LicenseComments: ['licenseComments', 'text'],
    FileCopyrightText: ['copyrightText', 'text'],
    FileComment: ['comment', 'text'],
    FileNotice: ['noticeText', 'text'],
    FileContributor: ['fileContributors', 'list'],
    FileAttributionText: ['attributionTexts', 'list'],
    FileDependency: ['fileDependencies', 'list'],
  },
  snippets: {
    SnippetSPDXID: ['SPDXID', 'text'],
    SnippetFromFileSPDXID: ['snippetFromFile', 'text'],
    SnippetLicenseConcluded: ['licenseConcluded', 'text'],
    LicenseInfoInSnippet: ['licenseInfoInSnippets', 'list'],
    SnippetLicenseComments: ['licenseComments', 'text'],
    SnippetCopyrightText: ['copyrightText', 'text'],
    SnippetComment: ['comment', 'text'],
    SnippetName: ['name', 'text'],
    SnippetAttributionText: ['attributionTexts', 'list'],
  },
  hasExtractedLicensingInfos: {
    LicenseID: ['licenseId', 'text'],
    ExtractedText: ['extractedText', 'text'],
    LicenseName: ['name', 'text'],
    LicenseComment: ['comment', 'text'],
  },
}

const ANNOTATION_KEYS: Readonly<Record<string, string>> = {
  AnnotationDate: 'annotationDate',
  AnnotationType: 'annotationType',
  AnnotationComment: 'comment',
}

const TAG_LINE = /^([A-Za-z][A-Za-z0-9]*)\s*:\s?(.*)$/

/** Splits the text into entries, joining `<text>` values that run over several lines. */
const entriesOf = (text: string, problems: SbomProblem[]): Entry[] => {
  const lines = text.split(/\r?\n/)
  const entries: Entry[] = []
  for (let index = 0; index < lines.length; index += 1) {
    const raw = lines[index] ?? ''
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue
    const match = TAG_LINE.exec(raw)
    if (match === null) {
      problems.push(
        problem('spdx/tag-value-syntax', `expected 'Tag: value', found '${raw.slice(0, 60)}'`, [], {
          line: index + 1,
        }),
      )
      continue
    }
    const [, tag = '', rest = ''] = match
    const line = index + 1
    let value = rest.trim()
    if (value.startsWith('<text>')) {
      const collected = [value.slice('<text>'.length)]
      while (
        !(collected[collected.length - 1] ?? '').includes('</text>') &&
        index + 1 < lines.length
      ) {
        index += 1
        collected.push(lines[index] ?? '')
      }
      const joined = collected.join('\n')
      const end = joined.indexOf('</text>')
      if (end === -1) {
        problems.push(
          problem('spdx/tag-value-syntax', `<text> of ${tag} is never closed`, [], { line }),
        )
      }
      value = end === -1 ? joined : joined.slice(0, end)
    }
    entries.push({ tag, value, line })
  }
  return entries
}

const checksumOf = (value: string): Record<string, string> => {
  const colon = value.indexOf(':')
  return colon === -1
    ? { algorithm: value, checksumValue: '' }
    : { algorithm: value.slice(0, colon).trim(), checksumValue: value.slice(colon + 1).trim() }
}

const VERIFICATION = /^([0-9a-fA-F]+)\s*(?:\((?:excludes:\s*)?(.*)\))?\s*$/

class TagValueBuilder {
  readonly document: Record<string, unknown> = { creationInfo: { creators: [] } }
  readonly lines = new Map<string, number>()
  readonly problems: SbomProblem[]
  private section: Section = 'document'
  private element: Record<string, unknown> = this.document
  private elementPath: DocumentPath = []
  private readonly annotations: {
    target?: string
    annotation: Record<string, unknown>
    line: number
  }[] = []
  private last: Record<string, unknown> | undefined

  constructor(problems: SbomProblem[]) {
    this.problems = problems
    this.lines.set(formatPath([]), 1)
  }

  add(entry: Entry): void {
    const opens = OPENERS[entry.tag]
    if (opens !== undefined) this.open(opens, entry.line)
    if (this.special(entry)) return
    const field = FIELDS[this.section][entry.tag] ?? FIELDS.document[entry.tag]
    if (field === undefined) {
      this.problems.push({
        ...problem(
          'spdx/unknown-tag',
          `tag '${entry.tag}' is not one medcyber reads; ignored`,
          this.elementPath,
          {
            line: entry.line,
          },
        ),
        severity: 'warning',
      })
      return
    }
    const inDocument = FIELDS[this.section][entry.tag] === undefined
    this.set(
      inDocument ? this.document : this.element,
      inDocument ? [] : this.elementPath,
      field,
      entry,
    )
  }

  private open(section: Section, line: number): void {
    const list = ((this.document[section] as unknown[] | undefined) ??= [])
    this.section = section
    this.element = {}
    this.elementPath = [section, list.length]
    list.push(this.element)
    this.lines.set(formatPath(this.elementPath), line)
  }

  private set(
    target: Record<string, unknown>,
    base: DocumentPath,
    field: readonly [string, Kind],
    entry: Entry,
  ): void {
    const [key, kind] = field
    const [head, nested] = key.split('.') as [string, string | undefined]
    const holder =
      nested === undefined ? target : ((target[head] ??= {}) as Record<string, unknown>)
    const name = nested ?? head
    const path: DocumentPath = nested === undefined ? [...base, name] : [...base, head, name]
    if (kind === 'list' || kind === 'checksums') {
      const list = ((holder[name] as unknown[] | undefined) ??= [])
      this.lines.set(formatPath([...path, list.length]), entry.line)
      list.push(kind === 'checksums' ? checksumOf(entry.value) : entry.value)
    } else {
      holder[name] = kind === 'bool' ? this.bool(entry.value) : entry.value
    }
    this.lines.set(formatPath(path), entry.line)
  }

  private bool(value: string): boolean | string {
    return value === 'true' ? true : value === 'false' ? false : value
  }

  /** Tags whose value has structure, or that open a nested record. */
  private special(entry: Entry): boolean {
    switch (entry.tag) {
      case 'Relationship':
        this.relationship(entry)
        return true
      case 'RelationshipComment':
      case 'ExternalRefComment':
        if (this.last !== undefined) this.last['comment'] = entry.value
        return true
      case 'ExternalRef':
        this.externalRef(entry)
        return true
      case 'ExternalDocumentRef':
        this.externalDocumentRef(entry)
        return true
      case 'PackageVerificationCode':
        this.verificationCode(entry)
        return true
      case 'SnippetByteRange':
      case 'SnippetLineRange':
        this.range(entry)
        return true
      case 'LicenseCrossReference':
        this.push(
          this.element,
          'seeAlsos',
          entry,
          ...entry.value.split(',').map((url) => url.trim()),
        )
        return true
      default:
        return this.annotationOrReview(entry)
    }
  }

  private annotationOrReview(entry: Entry): boolean {
    const current = this.annotations[this.annotations.length - 1]
    switch (entry.tag) {
      case 'Annotator':
        this.annotations.push({ annotation: { annotator: entry.value }, line: entry.line })
        return true
      case 'AnnotationDate':
      case 'AnnotationType':
      case 'AnnotationComment':
        if (current !== undefined)
          current.annotation[ANNOTATION_KEYS[entry.tag] ?? 'comment'] = entry.value
        return true
      case 'SPDXREF':
        if (current !== undefined) current.target = entry.value
        return true
      case 'Reviewer':
        this.push(this.document, 'revieweds', entry, { reviewer: entry.value })
        return true
      case 'ReviewDate':
      case 'ReviewComment': {
        const reviews = (this.document['revieweds'] as Record<string, unknown>[] | undefined) ?? []
        const review = reviews[reviews.length - 1]
        if (review !== undefined)
          review[entry.tag === 'ReviewDate' ? 'reviewDate' : 'comment'] = entry.value
        return true
      }
      default:
        return false
    }
  }

  private push(
    target: Record<string, unknown>,
    key: string,
    entry: Entry,
    ...items: unknown[]
  ): void {
    const list = ((target[key] as unknown[] | undefined) ??= [])
    const base = target === this.document ? [] : this.elementPath
    for (const item of items) {
      this.lines.set(formatPath([...base, key, list.length]), entry.line)
      list.push(item)
    }
    const lastItem = list[list.length - 1]
    this.last =
      typeof lastItem === 'object' && lastItem !== null
        ? (lastItem as Record<string, unknown>)
        : undefined
  }

  private relationship(entry: Entry): void {
    const [element = '', type = '', related = ''] = entry.value.split(/\s+/)
    this.push(this.document, 'relationships', entry, {
      spdxElementId: element,
      relationshipType: type,
      relatedSpdxElement: related,
    })
  }

  private externalRef(entry: Entry): void {
    const [category = '', type = '', ...locator] = entry.value.split(/\s+/)
    this.push(this.element, 'externalRefs', entry, {
      referenceCategory: category,
      referenceType: type,
      referenceLocator: locator.join(' '),
    })
  }

  private externalDocumentRef(entry: Entry): void {
    const [id = '', uri = '', ...checksum] = entry.value.split(/\s+/)
    this.push(this.document, 'externalDocumentRefs', entry, {
      externalDocumentId: id,
      spdxDocument: uri,
      checksum: checksumOf(checksum.join(' ')),
    })
  }

  private verificationCode(entry: Entry): void {
    const match = VERIFICATION.exec(entry.value)
    const excluded = match?.[2]
    this.element['packageVerificationCode'] = {
      packageVerificationCodeValue: match?.[1] ?? entry.value,
      ...(excluded === undefined
        ? {}
        : { packageVerificationCodeExcludedFiles: [excluded.trim()] }),
    }
    this.lines.set(formatPath([...this.elementPath, 'packageVerificationCode']), entry.line)
  }

  private range(entry: Entry): void {
    const [start = '', end = ''] = entry.value.split(':')
    const pointer = entry.tag === 'SnippetByteRange' ? 'offset' : 'lineNumber'
    this.push(this.element, 'ranges', entry, {
      startPointer: { [pointer]: Number(start) },
      endPointer: { [pointer]: Number(end) },
    })
  }

  /** Annotations go to the element they name; snippet ranges point at the snippet's file. */
  finish(): JsonRecord {
    const byId = new Map<string, Record<string, unknown>>()
    byId.set(String(this.document['SPDXID']), this.document)
    for (const section of ['packages', 'files', 'snippets'] as const) {
      for (const element of (this.document[section] as Record<string, unknown>[] | undefined) ??
        []) {
        byId.set(String(element['SPDXID']), element)
        if (section !== 'snippets') continue
        for (const range of (element['ranges'] as
          Record<string, Record<string, unknown>>[] | undefined) ?? []) {
          for (const pointer of [range['startPointer'], range['endPointer']]) {
            if (pointer !== undefined) pointer['reference'] = element['snippetFromFile']
          }
        }
      }
    }
    for (const { target, annotation, line } of this.annotations) {
      const element = target === undefined ? undefined : byId.get(target)
      if (element === undefined) {
        this.problems.push(
          problem(
            'spdx/annotation-target',
            `annotation names no element of this document (SPDXREF: ${target ?? 'missing'})`,
            [],
            { line },
          ),
        )
        continue
      }
      ;((element['annotations'] as unknown[] | undefined) ??= []).push(annotation)
    }
    return this.document
  }
}

export interface ParsedTagValue {
  readonly document: JsonRecord
  /** The line each path was written on; parents stand for children that have no line. */
  readonly lineOf: (path: DocumentPath) => number | undefined
  readonly problems: readonly SbomProblem[]
}

export const parseSpdxTagValue = (text: string): ParsedTagValue => {
  const problems: SbomProblem[] = []
  const builder = new TagValueBuilder(problems)
  for (const entry of entriesOf(text, problems)) builder.add(entry)
  const document = builder.finish()
  return {
    document,
    problems,
    lineOf: (path) => {
      for (let length = path.length; length >= 0; length -= 1) {
        const line = builder.lines.get(formatPath(path.slice(0, length)))
        if (line !== undefined) return line
      }
      return undefined
    },
  }
}
