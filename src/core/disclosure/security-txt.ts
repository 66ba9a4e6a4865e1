import type { DisclosureSettings } from './settings.js'

const DAY_MS = 86_400_000

export interface SecurityTxtInput {
  readonly settings: DisclosureSettings
  /** The server's public origin, e.g. `https://medcyber.example` (no trailing slash). */
  readonly origin: string
  /** ISO 8601 instant of serving: Expires counts from it. */
  readonly now: string
}

/** The path of the public report form in the web app; security.txt's default Contact. */
export const REPORT_PAGE_PATH = '/report-vulnerability'
export const SECURITY_TXT_PATH = '/.well-known/security.txt'

/** A value on one line: a CR or LF in a setting would start a field of its own. */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ').trim()

/**
 * The `security.txt` file of RFC 9116: Contact (the settings', else the public report page),
 * Expires (at most a year ahead, section 2.5.5), Preferred-Languages, Policy, Canonical and
 * Acknowledgments. Fields are written in the order section 2.5 lists them, ending in a line break.
 */
export const securityTxt = ({ settings, origin, now }: SecurityTxtInput): string => {
  const contacts =
    settings.contacts.length > 0 ? settings.contacts : [`${origin}${REPORT_PAGE_PATH}`]
  const expires = new Date(Date.parse(now) + settings.securityTxtValidDays * DAY_MS)
  // Whole seconds: RFC 3339 allows fractions, but some security.txt parsers do not.
  const expiresText = `${expires.toISOString().slice(0, 19)}Z`
  const lines = [
    ...(settings.acknowledgmentsUrl === undefined
      ? []
      : [`Acknowledgments: ${oneLine(settings.acknowledgmentsUrl)}`]),
    `Canonical: ${origin}${SECURITY_TXT_PATH}`,
    ...contacts.map((contact) => `Contact: ${oneLine(contact)}`),
    `Expires: ${expiresText}`,
    ...(settings.policyUrl === undefined ? [] : [`Policy: ${oneLine(settings.policyUrl)}`]),
    `Preferred-Languages: ${settings.preferredLanguages.map(oneLine).join(', ')}`,
  ]
  return `${lines.join('\n')}\n`
}
