import { kindLabel } from '../cases/kindLabel'
import { clockTime } from '../ui/format'
import { BlobImage } from './BlobImage'
import type { QueuedReport } from './outbox'

/** Where a report on the phone stands, as its card says it. */
function standing(r: QueuedReport, sending: boolean, offline: boolean): { text: string; tone: 'wait' | 'busy' | 'done' | 'bad' } {
  const sentPhotos = r.photos.filter((p) => p.state === 'sent').length
  const refused = r.photos.filter((p) => p.state === 'refused')
  switch (r.state) {
    case 'sent': {
      const photos = refused.length ? ` · ${refused.length} 张照片未被接收：${refused[0]!.refused ?? ''}` : sentPhotos ? ` · 照片 ${sentPhotos} 张` : ''
      return { text: `已上报 · 案件编号 ${r.case?.code ?? ''}${photos}`, tone: refused.length ? 'bad' : 'done' }
    }
    case 'refused': return { text: `未被受理：${r.lastError ?? ''}`, tone: 'bad' }
    case 'waiting':
      if (sending) return { text: r.case ? `已立案 ${r.case.code}，正在上传照片 ${sentPhotos}/${r.photos.length}…` : '正在发送…', tone: 'busy' }
      if (offline) return { text: '无网络 · 已存本机，有信号后自动发送', tone: 'wait' }
      return { text: r.lastError ? '发送未成功，稍后自动重试' : '排队等待发送', tone: 'wait' }
  }
}

/**
 * The reports on this phone: those waiting to be sent (with no signal, or while sending), those the server
 * refused (with its reason, to drop), and the day's sent ones as receipts with their case numbers.
 */
export function OutboxList({ reports, sending, offline, drop, open }: {
  reports: readonly QueuedReport[]; sending: string | null; offline: boolean; drop: (key: string) => void; open: (caseId: number) => void
}) {
  if (reports.length === 0) return null
  const waiting = reports.filter((r) => r.state !== 'sent').length
  return (
    <section className="outbox" aria-labelledby="outbox-title" data-testid="outbox">
      <h2 id="outbox-title">{waiting > 0 ? <>待发送 <b data-testid="waiting-count">{waiting}</b></> : '今日上报'}</h2>
      <ol>
        {[...reports].reverse().map((r) => {
          const s = standing(r, sending === r.key, offline)
          return (
            <li key={r.key} className={`queued ${s.tone}`} data-testid="queued-report" data-state={r.state} data-key={r.key} data-case-id={r.case?.id ?? ''}>
              <div className="queued-main">
                <b>{kindLabel(r.report)}</b>
                <time>{clockTime(Date.parse(r.madeAt)).slice(0, 5)}</time>
              </div>
              <p className="queued-text">{r.report.description}</p>
              {r.photos.length > 0 && (
                <div className="queued-photos">
                  {r.photos.map((p, i) => <BlobImage key={i} blob={p.blob} alt={`照片 ${i + 1}`} className={p.state === 'refused' ? 'refused' : ''} />)}
                </div>
              )}
              <p className="queued-state" data-testid="queued-state">{s.text}</p>
              {r.state === 'sent' && r.case && <button type="button" className="link" onClick={() => open(r.case!.id)}>查看案件</button>}
              {r.state === 'refused' && <button type="button" className="link danger" onClick={() => drop(r.key)}>删除此条</button>}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
