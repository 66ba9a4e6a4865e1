import {
  SIGNATURE_MEANINGS,
  type SignatureMeaning,
} from '../../../../src/core/reports/signatures.js'
import type { Approval, PortfolioProduct } from '../../api/types.js'

export { SIGNATURE_MEANINGS, type SignatureMeaning }

/**
 * What the inbox asks a person to sign, as chosen here (the API lists signatures, not requests):
 * - the product's risk register: reviewed, approved, and risk-accepted (acceptance of the overall
 *   residual risk, ISO 14971 clause 8, by someone allowed to accept risk);
 * - each release not yet at end of support: reviewed and approved (release sign-off);
 * each with the meanings the person's roles on that product allow, and awaiting while the person
 * has no signature of that meaning on it at the product's current model revision. A signature on
 * an earlier revision is superseded (it covers other content), so the item awaits again.
 * Threats and documents can be signed too, but no one is asked to: they show once signed.
 */
export const REGISTER_SUBJECT = 'risk-register'

const RELEASE_PREFIX = 'release:'

export const releaseSubject = (version: string): string => `${RELEASE_PREFIX}${version}`

/** The release a `release:<version>` subject names, if it is one. */
export const releaseOfSubject = (subject: string): string | undefined =>
  subject.startsWith(RELEASE_PREFIX) ? subject.slice(RELEASE_PREFIX.length) : undefined

const MEANINGS_BY_SUBJECT: Readonly<Record<'register' | 'release', readonly SignatureMeaning[]>> = {
  register: SIGNATURE_MEANINGS,
  release: ['reviewed', 'approved'],
}

export interface AwaitingSignature {
  readonly productId: string
  readonly productName: string
  readonly subject: string
  readonly meaning: SignatureMeaning
  /** The model revision the signature would cover (If-Match "r<revision>"). */
  readonly revision: number
  /** Others who signed it with this meaning at this revision: a hint, not a reason to skip. */
  readonly signedByOthers: readonly string[]
  /** True when the person signed it before, on an earlier revision. */
  readonly resign: boolean
}

export interface ProductSignatures {
  readonly product: Pick<PortfolioProduct, 'id' | 'name' | 'releases'>
  /** The approvals route's current model revision. */
  readonly revision: number
  readonly approvals: readonly Approval[]
}

/** Subjects the inbox asks about for a product, register first, releases newest first. */
export const signableSubjects = (
  releases: ProductSignatures['product']['releases'],
): readonly { readonly subject: string; readonly meanings: readonly SignatureMeaning[] }[] => [
  { subject: REGISTER_SUBJECT, meanings: MEANINGS_BY_SUBJECT.register },
  ...[...releases]
    .filter((release) => release.supportPhase !== 'end-of-support')
    .sort((a, b) => b.releasedAt.localeCompare(a.releasedAt) || b.version.localeCompare(a.version))
    .map((release) => ({
      subject: releaseSubject(release.version),
      meanings: MEANINGS_BY_SUBJECT.release,
    })),
]

/** What awaits this person's signature on one product, given the meanings their roles allow. */
export const awaitingSignatures = (
  signatures: ProductSignatures,
  userId: string,
  mayUse: (meaning: SignatureMeaning) => boolean,
): readonly AwaitingSignature[] => {
  const { product, revision, approvals } = signatures
  const signedWith = (subject: string, meaning: string) =>
    approvals.filter((approval) => approval.subject === subject && approval.meaning === meaning)
  return signableSubjects(product.releases).flatMap(({ subject, meanings }) =>
    meanings.filter(mayUse).flatMap((meaning) => {
      const signed = signedWith(subject, meaning)
      const current = signed.filter((approval) => approval.modelRevision === revision)
      if (current.some((approval) => approval.signer.id === userId)) return []
      return [
        {
          productId: product.id,
          productName: product.name,
          subject,
          meaning,
          revision,
          signedByOthers: [...new Set(current.map((approval) => approval.signer.name))].sort(),
          resign: signed.some((approval) => approval.signer.id === userId),
        },
      ]
    }),
  )
}

export interface SignatureRow extends Approval {
  readonly productId: string
  readonly productName: string
}

/** Every product's signatures in one list, newest first. */
export const allSignatures = (products: readonly ProductSignatures[]): readonly SignatureRow[] =>
  products
    .flatMap(({ product, approvals }) =>
      approvals.map((approval) => ({
        ...approval,
        productId: product.id,
        productName: product.name,
      })),
    )
    .sort((a, b) => b.signedAt.localeCompare(a.signedAt) || a.id.localeCompare(b.id))

export type SubjectKind = 'register' | 'release' | 'threat' | 'document' | 'other'

/** What a signature subject names: the register, or a release, threat or document by its id. */
export const parseSubject = (
  subject: string,
): { readonly kind: SubjectKind; readonly id: string } => {
  if (subject === REGISTER_SUBJECT) return { kind: 'register', id: '' }
  const match = /^(release|threat|document):(.+)$/.exec(subject)
  if (match === null) return { kind: 'other', id: subject }
  return { kind: match[1] as 'release' | 'threat' | 'document', id: match[2] ?? '' }
}
