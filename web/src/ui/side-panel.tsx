import { useEffect, useRef, type ReactNode } from 'react'

import { common } from '../i18n/common.js'
import { useMessages } from '../i18n/messages.js'

/**
 * A panel beside a list for one item's details and edits. It takes focus when it opens, and
 * Escape closes it, returning focus to where it was.
 */
export const SidePanel = ({
  title,
  onClose,
  children,
}: {
  readonly title: string
  readonly onClose: () => void
  readonly children: ReactNode
}) => {
  const t = useMessages(common)
  const panel = useRef<HTMLElement>(null)
  useEffect(() => {
    const before = document.activeElement
    panel.current?.focus({ preventScroll: true })
    return () => {
      if (before instanceof HTMLElement) before.focus()
    }
  }, [])
  return (
    <aside
      ref={panel}
      className="side-panel"
      aria-label={title}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <header className="side-panel-header">
        <h2>{title}</h2>
        <button type="button" onClick={onClose} aria-label={t.close}>
          ×
        </button>
      </header>
      <div className="side-panel-body">{children}</div>
    </aside>
  )
}
