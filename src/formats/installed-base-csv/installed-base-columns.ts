/**
 * The columns of an installed-base CSV file, by their documented English header and the
 * Japanese header accepted for the same column (a customer list kept in Excel in Japan).
 */
export const INSTALLED_BASE_COLUMNS = [
  { key: 'customer', header: 'customer', ja: '顧客', required: true },
  { key: 'site', header: 'site', ja: '施設', required: true },
  { key: 'release', header: 'release', ja: 'リリース', required: true },
  { key: 'units', header: 'units', ja: '台数', required: true },
  { key: 'contactName', header: 'contact_name', ja: '担当者', required: false },
  { key: 'contactEmail', header: 'contact_email', ja: '担当者メールアドレス', required: false },
  { key: 'deployedOn', header: 'deployed_on', ja: '導入日', required: true },
  { key: 'retiredOn', header: 'retired_on', ja: '撤去日', required: false },
] as const

export type InstalledBaseColumn = (typeof INSTALLED_BASE_COLUMNS)[number]['key']

/** Bounds on one import, so a wrong file (a database dump) is refused, not ground through. */
export const INSTALLED_BASE_LIMITS = {
  maxBytes: 2 * 1024 * 1024,
  maxRows: 20_000,
  maxFieldLength: 300,
  maxUnits: 1_000_000,
} as const
