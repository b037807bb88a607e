import { useState } from 'react'
import { type AssignRequest, type CaseDetail, type EscalateRequest, type GridPost, labels } from '../../../contract'
import { levelAbove } from '../../../domain/timeLimits'
import { ActionForm } from './ActionForm'

/** A duty leader moving the case up one level by hand (督办), with the reason the contract requires; confirmed first. */
export function EscalateForm({ detail, send }: { detail: CaseDetail; send: (body: Omit<EscalateRequest, 'expectedVersion'>) => Promise<boolean> }) {
  const [reason, setReason] = useState('')
  const [issue, setIssue] = useState<string | null>(null)
  const above = levelAbove(detail.level)
  return (
    <ActionForm
      name="上移督办" verb="上移督办" testId="escalate-form" send={send} onSent={() => setReason('')}
      check={() => {
        if (reason.trim()) return { reason: reason.trim() }
        setIssue('请写明上移理由')
        return null
      }}
      summary={(b) => `上移督办至${above ? labels.caseLevel[above] : '上级'}，由其签收办理（理由：${b.reason}）。`}
    >
      <label className="field note">
        上移理由（必填）
        <textarea aria-label="上移理由" rows={2} maxLength={500} value={reason} aria-invalid={issue ? true : undefined}
          onChange={(e) => { setReason(e.target.value); setIssue(null) }} />
        {issue && <span className="field-error" role="alert">{issue}</span>}
      </label>
    </ActionForm>
  )
}

/** Naming the post of the case's grid that takes it (指派); none chosen beforehand. `posts`: null while they are read. */
export function AssignForm({ posts, send }: { posts: readonly GridPost[] | null; send: (body: Omit<AssignRequest, 'expectedVersion'>) => Promise<boolean> }) {
  const [worker, setWorker] = useState('')
  const [note, setNote] = useState('')
  const [issue, setIssue] = useState<string | null>(null)
  return (
    <ActionForm
      name="指派" verb="指派" testId="assign-form" send={send} summary={null}
      onSent={() => { setWorker(''); setNote('') }}
      check={() => {
        if (worker) return { worker, note }
        setIssue('请选择网格员岗位')
        return null
      }}
    >
      <label className="field">
        指派给（必选）
        <select aria-label="指派给" value={worker} aria-invalid={issue ? true : undefined} onChange={(e) => { setWorker(e.target.value); setIssue(null) }}>
          <option value="">{posts ? (posts.length ? '请选择…' : '本网格没有岗位') : '正在读取岗位…'}</option>
          {posts?.map((p) => <option key={p.code} value={p.code}>{labels.workerRole[p.role]} {p.code}</option>)}
        </select>
        {issue && <span className="field-error" role="alert">{issue}</span>}
      </label>
      <label className="field note">
        说明（可选）
        <textarea aria-label="指派说明" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
    </ActionForm>
  )
}
