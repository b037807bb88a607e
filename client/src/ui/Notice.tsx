/** What a screen tells its user after an action: `done` is a status, the others an alert a screen reader speaks at once. */
export type Notice = { kind: 'done' | 'error' | 'stale'; text: string }

/** The one way a screen shows an outcome or an error. */
export function NoticeLine({ notice, className = 'notice' }: { notice: Notice | null; className?: string }) {
  if (!notice) return null
  return <p className={`${className} ${notice.kind}`} role={notice.kind === 'done' ? 'status' : 'alert'} data-testid="notice">{notice.text}</p>
}
