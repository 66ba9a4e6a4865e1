import type { Product } from '../api/types.js'
import { common } from '../i18n/common.js'
import { useMessages } from '../i18n/messages.js'

/** The release a product screen shows, or every release (''). */
export const ReleaseSelect = ({
  product,
  value,
  onChange,
}: {
  readonly product: Product | undefined
  readonly value: string
  readonly onChange: (release: string) => void
}) => {
  const c = useMessages(common)
  return (
    <label>
      {c.release}
      <select
        value={value}
        onChange={(event) => {
          onChange(event.target.value)
        }}
      >
        <option value="">{c.allReleases}</option>
        {(product?.releases ?? []).map((release) => (
          <option key={release.version} value={release.version}>
            {release.version}
          </option>
        ))}
      </select>
    </label>
  )
}
