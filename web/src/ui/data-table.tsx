import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

import { common } from '../i18n/common.js'
import { useMessages } from '../i18n/messages.js'

export interface Column<T> {
  readonly id: string
  readonly header: string
  /** What the cell shows; text also becomes the cell's tooltip, so long names stay readable. */
  readonly cell: (row: T) => ReactNode
  readonly text?: (row: T) => string
  /** CSS grid track, e.g. `8rem` or `2fr`. */
  readonly width?: string
}

const ROW_HEIGHT = 36

/**
 * A table that stays fast with thousands of rows: only the rows in view are in the page.
 * It keeps table semantics for screen readers (aria-rowcount and aria-rowindex tell where a row
 * is), and the keyboard moves between rows with the arrows, Home and End; Enter opens a row.
 */
export const DataTable = <T,>({
  label,
  rows,
  columns,
  rowKey,
  onOpen,
  selected,
  onToggle,
  activeKey,
  height = '60vh',
}: {
  readonly label: string
  readonly rows: readonly T[]
  readonly columns: readonly Column<T>[]
  readonly rowKey: (row: T) => string
  readonly onOpen?: (row: T) => void
  /** With a selection, each row gets a checkbox (for bulk actions). */
  readonly selected?: ReadonlySet<string>
  readonly onToggle?: (keys: readonly string[], on: boolean) => void
  readonly activeKey?: string | null
  readonly height?: string
}) => {
  const t = useMessages(common)
  const scroller = useRef<HTMLDivElement>(null)
  const [focusIndex, setFocusIndex] = useState(0)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const selectable = selected !== undefined && onToggle !== undefined
  const template = [selectable ? '2.5rem' : null, ...columns.map((c) => c.width ?? '1fr')]
    .filter((track) => track !== null)
    .join(' ')

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index))
    setFocusIndex(next)
    virtualizer.scrollToIndex(next)
    requestAnimationFrame(() => {
      scroller.current?.querySelector<HTMLElement>(`[data-index="${String(next)}"]`)?.focus()
    })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, row: T) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT))
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    }
    const target = moves[event.key]
    if (target !== undefined) {
      event.preventDefault()
      focusRow(target)
    } else if (event.key === 'Enter' && onOpen !== undefined) {
      event.preventDefault()
      onOpen(row)
    } else if (event.key === ' ' && selectable) {
      event.preventDefault()
      const key = rowKey(row)
      onToggle([key], !selected.has(key))
    }
  }

  const allSelected =
    selectable && rows.length > 0 && rows.every((row) => selected.has(rowKey(row)))

  return (
    <div className="data-table" role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      <div role="rowgroup">
        <div
          className="data-table-row data-table-head"
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: template }}
        >
          {selectable && (
            <div role="columnheader">
              <input
                type="checkbox"
                aria-label={t.all}
                checked={allSelected}
                onChange={(event) => {
                  onToggle(rows.map(rowKey), event.target.checked)
                }}
              />
            </div>
          )}
          {columns.map((column) => (
            <div role="columnheader" key={column.id}>
              {column.header}
            </div>
          ))}
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="empty">{t.emptyList}</p>
      ) : (
        <div
          ref={scroller}
          className="data-table-body"
          role="rowgroup"
          style={{ maxHeight: height }}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index] as T
              const key = rowKey(row)
              return (
                <div
                  key={key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={selectable ? selected.has(key) : undefined}
                  data-index={item.index}
                  data-key={key}
                  tabIndex={item.index === focusIndex ? 0 : -1}
                  className={`data-table-row${activeKey === key ? ' active' : ''}${onOpen ? ' openable' : ''}`}
                  style={{
                    gridTemplateColumns: template,
                    transform: `translateY(${String(item.start)}px)`,
                    height: ROW_HEIGHT,
                  }}
                  onClick={() => {
                    setFocusIndex(item.index)
                    onOpen?.(row)
                  }}
                  onKeyDown={(event) => {
                    onKeyDown(event, item.index, row)
                  }}
                >
                  {selectable && (
                    <div
                      role="cell"
                      onClick={(event) => {
                        event.stopPropagation()
                      }}
                    >
                      <input
                        type="checkbox"
                        tabIndex={-1}
                        aria-label={key}
                        checked={selected.has(key)}
                        onChange={(event) => {
                          onToggle([key], event.target.checked)
                        }}
                      />
                    </div>
                  )}
                  {columns.map((column) => (
                    <div role="cell" key={column.id} title={column.text?.(row)}>
                      {column.cell(row)}
                    </div>
                  ))}
                </div>
              )
            })}
          </div>
        </div>
      )}
      <p className="data-table-count" aria-live="polite">
        {t.rows(rows.length)}
      </p>
    </div>
  )
}
