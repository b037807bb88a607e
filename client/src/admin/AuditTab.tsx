import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { type AuditEntry, labels } from '../../../contract'
import { dateTime } from '../ui/format'
import { errorText } from '../ui/errorText'
import { type Notice, NoticeLine } from '../ui/Notice'
import { adminApi } from './adminApi'

/** The sign-in events' names as an admin reads them; a write is shown as its method and path. */
const ACTIONS: Record<string, string> = {
  sign_in: '登录', sign_out: '退出', sign_in_failed: '登录失败', sign_in_locked: '登录被锁定', key_sign_in_failed: '密钥登录失败',
}
const METHODS: Record<string, string> = { POST: '新增/提交', PUT: '替换', PATCH: '修改', DELETE: '删除' }

/** `2026-05-01T08:30` typed in a datetime-local field, as Beijing time (the command centre's clock), in ISO 8601. */
const beijing = (local: string) => (local ? `${local.length === 16 ? `${local}:00` : local}+08:00` : undefined)

/** How a write was signed, or how a sign-in was made: `session`, `key`, `password`, `key 12`, `oidc`. */
function subjectText(subject: string | null): string {
  if (subject === null) return ''
  const known: Record<string, string> = { session: '会话', key: 'API 密钥', password: '密码', oidc: '统一身份认证' }
  const key = /^key (\d+)$/.exec(subject)
  return known[subject] ?? (key ? `密钥 #${key[1]}` : subject)
}

function actionText(action: string): string {
  const gloss = ACTIONS[action]
  if (gloss) return gloss
  const method = action.split(' ')[0] ?? ''
  return METHODS[method] ?? ''
}

type Filters = { actor: string; action: string; from: string; to: string }

/**
 * The audit log, newest first: every write and every sign-in, sign-out and failure, with who, from where
 * and how it ended, and what a write said of itself (a grid publish's 调整说明); filtered by account, by text in the action, and by a time span (Beijing time).
 */
export function AuditTab() {
  const [draft, setDraft] = useState<Filters>({ actor: '', action: '', from: '', to: '' })
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)

  const read = useCallback((f: Filters) => {
    setNotice(null)
    const from = beijing(f.from)
    const to = beijing(f.to)
    adminApi.audit({
      limit: 200, ...(f.actor.trim() ? { actor: f.actor.trim().toLowerCase() } : {}), ...(f.action.trim() ? { action: f.action.trim() } : {}),
      ...(from ? { from } : {}), ...(to ? { to } : {}),
    }).then(setEntries, (e: unknown) => setNotice({ kind: 'error', text: errorText(e) }))
  }, [])
  useEffect(() => read(draft), [])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    read(draft)
  }
  const field = (k: keyof Filters) => ({ value: draft[k], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value }), name: k })

  return (
    <div className="audit-tab">
      <form className="audit-filters" onSubmit={submit} aria-label="筛选审计日志" data-testid="audit-filters">
        <label>账号<input {...field('actor')} placeholder="登录名" spellCheck={false} /></label>
        <label>操作包含<input {...field('action')} placeholder="如 accounts、sign_in" spellCheck={false} /></label>
        <label>从<input type="datetime-local" {...field('from')} /></label>
        <label>到<input type="datetime-local" {...field('to')} /></label>
        <button type="submit" className="primary">查询</button>
        <button type="button" onClick={() => {
          const empty = { actor: '', action: '', from: '', to: '' }
          setDraft(empty)
          read(empty)
        }}>清除筛选</button>
      </form>
      <NoticeLine notice={notice} />
      <p className="audit-count">{entries === null ? '正在读取…' : `共 ${entries.length} 条（最新在前，最多 200 条）`}</p>
      <table className="audit" data-testid="audit" aria-busy={entries === null}>
        <thead>
          <tr><th>时间</th><th>账号</th><th>角色</th><th>地址</th><th>操作</th><th>凭据/对象</th><th>结果</th></tr>
        </thead>
        <tbody>
          {(entries ?? []).map((e) => (
            <tr key={e.id} data-action={e.action} data-actor={e.actor ?? ''} className={e.status >= 400 ? 'failed' : ''}>
              <td className="when">{dateTime(e.at)}</td>
              <td>{e.actor ?? <span className="dim">—</span>}</td>
              <td>{e.role ? labels.role[e.role] : ''}</td>
              <td className="dim">{e.address}</td>
              <td><span className="gloss">{actionText(e.action)}</span> <code>{e.action}</code>
                {e.note !== null && <span className="audit-note" data-testid="audit-note">说明：{e.note}</span>}</td>
              <td title={e.subject ?? ''}>{subjectText(e.subject)}</td>
              <td className={e.status >= 400 ? 'off' : 'ok'}>{e.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries?.length === 0 && <p className="empty">没有符合条件的记录</p>}
    </div>
  )
}
