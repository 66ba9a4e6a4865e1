/**
 * The rows of part 2 of the Art. 12(3) conformity checklist, kept as data so the list can be
 * corrected once the item list of MHLW notice 薬生機審発0523第1号 has been read (only its first
 * three rows are confirmed). Clause numbers and English titles follow IEC 81001-5-1:2021 as the
 * design notes record it; sub-clauses appear only where the notes list them. A Japanese title is
 * given only where a Japanese source confirms it (glossary confidence C or S).
 */
export interface ChecklistItem {
  /** As printed, e.g. `5.8.2 b)`. */
  readonly clause: string
  readonly title: string
  /** Topics the clause covers, in the notes' words; printed after the title. */
  readonly topics?: readonly string[]
  readonly titleJa?: string
  /** The English title is confirmed by a catalogue or Japanese source, not only our reading. */
  readonly confirmed: boolean
}

export const CHECKLIST_ITEMS: readonly ChecklistItem[] = [
  { clause: '4', title: 'General requirements', titleJa: '一般要求事項', confirmed: true },
  {
    clause: '4.1',
    title: 'Quality management',
    topics: [
      'quality management system',
      'identification of responsibilities',
      'identification of applicability',
      'security expertise',
      'software items from third-party suppliers',
      'continuous improvement',
      'disclosing security-related issues',
      'periodic review of security defect management',
    ],
    confirmed: false,
  },
  {
    clause: '5',
    title: 'Software development process',
    titleJa: 'ソフトウェア開発プロセス',
    confirmed: true,
  },
  { clause: '5.1', title: 'Software development planning', confirmed: false },
  {
    clause: '5.2',
    title: 'Health software requirements analysis',
    topics: ['security requirements'],
    confirmed: false,
  },
  {
    clause: '5.3',
    title: 'Software architectural design',
    topics: ['defence in depth', 'design review'],
    confirmed: false,
  },
  {
    clause: '5.4',
    title: 'Software design',
    topics: ['secure design', 'design review'],
    confirmed: false,
  },
  {
    clause: '5.5',
    title: 'Software unit implementation and verification',
    topics: ['secure coding standards', 'implementation review'],
    confirmed: false,
  },
  { clause: '5.6', title: 'Software integration testing', confirmed: false },
  {
    clause: '5.7',
    title: 'Software system testing',
    topics: [
      'security requirements testing',
      'threat mitigation testing',
      'vulnerability testing',
      'penetration testing',
      'conflict of interest between testers and developers',
    ],
    confirmed: false,
  },
  {
    clause: '5.8',
    title: 'Software release',
    topics: [
      'file integrity',
      'controls for private keys',
      'assessing and addressing security-related issues',
      'secure decommissioning guidance',
    ],
    confirmed: false,
  },
  { clause: '5.8.2', title: 'Release documentation', titleJa: 'リリースの文書化', confirmed: true },
  {
    clause: '5.8.2 b)',
    title: 'Documentation of process rigour and compliance',
    titleJa: 'プロセスの厳密性及び適合性の文書化',
    confirmed: true,
  },
  {
    clause: '6',
    title: 'Software maintenance process',
    titleJa: 'ソフトウェア保守プロセス',
    confirmed: true,
  },
  {
    clause: '6.1',
    title: 'Software maintenance plan',
    topics: ['timely security updates'],
    confirmed: false,
  },
  {
    clause: '6.2',
    title: 'Problem and modification analysis',
    topics: ['monitoring public incident reports'],
    confirmed: false,
  },
  { clause: '6.3', title: 'Modification implementation', confirmed: false },
  { clause: '7', title: 'Security risk management process', confirmed: false },
  { clause: '7.1', title: 'Risk management context', confirmed: false },
  {
    clause: '7.2',
    title: 'Identification of vulnerabilities, threats and associated adverse impacts',
    confirmed: false,
  },
  { clause: '7.3', title: 'Estimation and evaluation of security risk', confirmed: false },
  { clause: '7.4', title: 'Controlling security risks', confirmed: false },
  { clause: '7.5', title: 'Monitoring the effectiveness of risk controls', confirmed: false },
  { clause: '8', title: 'Software configuration management process', confirmed: false },
  {
    clause: '9',
    title: 'Software problem resolution process',
    topics: ['receive, review, analyse and address security issue notifications'],
    confirmed: false,
  },
]

/** `5.8.2 b)`, `5.8.2b`, `5.8.2(b)` all name one clause: compare them as `5.8.2b`. */
export const clauseKey = (clause: string): string =>
  clause
    .toLowerCase()
    .replace(/[^0-9a-z.]/g, '')
    .replace(/\.$/, '')

/** Annex F (transitional health software), however an evidence item spells it. */
export const isAnnexF = (clause: string): boolean => {
  const key = clauseKey(clause)
  return key === 'f' || key === 'annexf'
}

/**
 * The row an evidence topic belongs to: the row of the clause itself, else of its nearest listed
 * parent (`JIS:5.2.1` is evidence for 5.2); undefined when no row matches.
 */
export const itemFor = (clause: string): ChecklistItem | undefined => {
  const key = clauseKey(clause)
  const byKey = new Map(CHECKLIST_ITEMS.map((item) => [clauseKey(item.clause), item]))
  const exact = byKey.get(key)
  if (exact !== undefined) return exact
  // 5.8.2c → 5.8.2; 5.2.1 → 5.2
  const lettered = /^([0-9.]+?)[a-z]+$/.exec(key)
  if (lettered?.[1] !== undefined) return itemFor(lettered[1])
  const parts = key.split('.')
  return parts.length > 1 ? itemFor(parts.slice(0, -1).join('.')) : undefined
}
