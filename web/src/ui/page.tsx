import { useEffect, type ReactNode } from 'react'

/** A screen: its heading (which also names the browser tab), a toolbar, and the content. */
export const Page = ({
  title,
  toolbar,
  children,
}: {
  readonly title: string
  readonly toolbar?: ReactNode
  readonly children: ReactNode
}) => {
  useEffect(() => {
    document.title = `${title} · medcyber`
  }, [title])
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{title}</h1>
        {toolbar !== undefined && <div className="toolbar">{toolbar}</div>}
      </header>
      {children}
    </section>
  )
}

/** A small coloured label; `tone` picks the colour, the text carries the meaning. */
export const Badge = ({
  tone = 'neutral',
  children,
}: {
  readonly tone?: 'neutral' | 'good' | 'warn' | 'bad' | 'info'
  readonly children: ReactNode
}) => <span className={`badge badge-${tone}`}>{children}</span>
