import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react'

/**
 * A form for one action on a case: `check` turns its inputs into the request (or shows what is missing and
 * gives null); an action that cannot be taken back first shows `summary` of the request to confirm; then
 * `send`, and once it succeeded `onSent` clears the inputs. While the summary is shown the inputs are locked.
 */
export function ActionForm<B>({ name, verb, testId, step, check, summary, send, onSent, children }: {
  name: string; verb: string; testId: string; step?: string
  check: () => B | null; summary: ((body: B) => string) | null; send: (body: B) => Promise<boolean>; onSent: () => void; children: ReactNode
}) {
  const [confirming, setConfirming] = useState<{ body: B; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const confirmButton = useRef<HTMLButtonElement>(null)
  useEffect(() => confirmButton.current?.focus(), [confirming])

  const go = async (body: B) => {
    setBusy(true)
    const sent = await send(body)
    setBusy(false)
    setConfirming(null)
    if (sent) onSent()
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const body = check()
    if (body === null) return
    if (summary) setConfirming({ body, text: summary(body) })
    else void go(body)
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label={name} data-testid={testId} data-step={step} noValidate>
      <fieldset className="inputs" disabled={confirming !== null || busy}>
        {children}
        {!confirming && <button type="submit" className="primary">{summary ? `${verb}…` : verb}</button>}
      </fieldset>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label={`确认${verb}`} data-testid="confirm">
          <p>{confirming.text}</p>
          <button type="button" className="primary" ref={confirmButton} disabled={busy} onClick={() => void go(confirming.body)}>确认{verb}</button>
          <button type="button" disabled={busy} onClick={() => setConfirming(null)}>返回修改</button>
        </div>
      )}
    </form>
  )
}
