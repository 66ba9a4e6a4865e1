import { fullFormats } from 'ajv-formats/dist/formats.js'

const URI_REFERENCE = fullFormats['uri-reference'] as RegExp
const NON_ASCII = /\P{ASCII}/u

/**
 * URLs as SBOMs write them (`https://host/path`, optional port, query and fragment, nothing to
 * percent-decode): every string this accepts is one URI_REFERENCE accepts too, character class
 * by character class, and it answers in one pass where URI_REFERENCE, with its IPv6 and
 * percent-encoding alternatives, cost more than the rest of a component's schema check.
 */
const PLAIN_URL =
  /^[a-z][a-z0-9+.-]*:\/\/[a-z0-9._~-]*(?::[0-9]*)?(?:\/[a-z0-9._~!$&'()*+,;=:@-]*)*(?:\?[a-z0-9._~!$&'()*+,;=:@/?-]*)?(?:#[a-z0-9._~!$&'()*+,;=:@/?-]*)?$/i

/** URI_REFERENCE alone: what `isIriReference` answers for ASCII text (a test holds them equal). */
export const isUriReference = (value: string): boolean => URI_REFERENCE.test(value)

/**
 * RFC 3987 IRI-reference: an IRI maps to a URI by percent-encoding its non-ASCII characters
 * (section 3.1), so it is an IRI-reference when that URI is a URI-reference. ajv-formats-draft2019's
 * own check refuses valid ones such as `urn:cdx:<uuid>/1#ms-1.example.com`, which the CycloneDX
 * specification's own valid-saasbom test files use.
 */
export const isIriReference = (value: string): boolean => {
  if (PLAIN_URL.test(value)) return true
  try {
    const ascii = NON_ASCII.test(value)
      ? value.replace(/\P{ASCII}/gu, (c) => encodeURIComponent(c))
      : value
    return URI_REFERENCE.test(ascii)
  } catch {
    return false
  }
}
