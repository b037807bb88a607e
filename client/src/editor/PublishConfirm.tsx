import { useEffect, useState } from 'react'
import { type Draft, type DraftDiff, PublishNote, type PublishResult } from '../../../contract'
import { ApiError } from '../api/fetchJson'
import { errorText, reasonText } from '../ui/errorText'
import { DiffReport } from './EditorPanels'
import type { DraftApi } from './draftApi'

/**
 * What 发布 asks before it publishes: what publishing will do (the diff, read again whenever the draft's version
 * moves) and why (调整说明, kept with the published draft). 确认发布 waits for a note the contract takes; a refusal
 * keeps the note as typed and marks it when the server names it, and goes to `onRefused` too (a draft changed
 * meanwhile is shown as it is now, a failed check on the map). Escape cancels.
 */
export function PublishConfirm({ draft, api, onPublished, onRefused, onCancel }: {
  draft: Draft; api: DraftApi; onPublished: (result: PublishResult) => void; onRefused: (e: ApiError) => void; onCancel: () => void
}) {
  const [diff, setDiff] = useState<DraftDiff | null>(null)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [noteIssue, setNoteIssue] = useState<string | null>(null)

  useEffect(() => {
    let stale = false
    setDiff(null)
    api.diff(draft).then((d) => !stale && setDiff(d), (e: unknown) => !stale && setRefusal(errorText(e)))
    return () => {
      stale = true
    }
  }, [api, draft.id, draft.version])

  const given = PublishNote.safeParse(note)
  const publish = async () => {
    setBusy(true)
    try {
      const result = await api.publish(draft, note)
      onPublished(result)
    } catch (e) {
      setRefusal(errorText(e, 'PublishRequest'))
      if (!(e instanceof ApiError)) return
      setNoteIssue(e.issues.find((i) => i.field === 'note')?.reason ?? null)
      onRefused(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="publish-confirm" aria-labelledby="publish-confirm-title" data-testid="publish-confirm"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h2 id="publish-confirm-title">确认发布</h2>
      {diff ? <DiffReport diff={diff} /> : <p className="hint">正在读取变更…</p>}
      <label className={noteIssue ? 'invalid' : undefined}>调整说明（必填，2–500 字，随发布的网格保存）
        <textarea value={note} rows={3} maxLength={500} autoFocus data-testid="publish-note" aria-invalid={noteIssue !== null}
          aria-describedby={noteIssue ? 'publish-note-issue' : undefined}
          onChange={(e) => {
            setNote(e.target.value)
            setNoteIssue(null)
          }} />
      </label>
      {noteIssue && <p className="field-issue" id="publish-note-issue">调整说明：{reasonText(noteIssue)}</p>}
      {!given.success && note.trim().length > 0 && <p className="hint">调整说明至少 2 个字</p>}
      {refusal && <p className="notice error" role="alert" data-testid="publish-refusal">{refusal}</p>}
      <div className="publish">
        <button type="button" disabled={busy || !diff || !given.success} onClick={() => void publish()} data-testid="confirm-publish">确认发布</button>
        <button type="button" onClick={onCancel}>取消</button>
      </div>
    </section>
  )
}
