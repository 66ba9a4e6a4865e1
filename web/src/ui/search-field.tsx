/** A labelled search box above a list: the text filters the rows as it is typed. */
export const SearchField = ({
  label,
  value,
  placeholder,
  onChange,
}: {
  readonly label: string
  readonly value: string
  readonly placeholder: string
  readonly onChange: (text: string) => void
}) => (
  <label>
    {label}
    <input
      type="search"
      value={value}
      placeholder={placeholder}
      onChange={(event) => {
        onChange(event.target.value)
      }}
    />
  </label>
)
