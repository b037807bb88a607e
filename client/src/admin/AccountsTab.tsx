import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { type Account, type DepartmentInfo, type IssuedKey, labels, type Me, type NewAccount } from '../../../contract'
import { KEY_ONLY } from '../../../domain/access'
import { dateTime } from '../ui/format'
import { errorText } from '../ui/errorText'
import { type Notice, NoticeLine } from '../ui/Notice'
import { adminApi } from './adminApi'
import { IssuedKeyBox } from './IssuedKeyBox'
import { NewAccountForm } from './NewAccountForm'
import { scopeName, useRegionNames } from './scopeNames'

/** The one action open under a row: a new password, or a new key's label. */
type RowForm = { login: string; kind: 'password' | 'key' }

/**
 * Every account with its role, scope, state, last sign-in and keys; an admin adds one, disables or
 * enables it (disabling ends its sessions and live connections at once), sets a new password, issues a key
 * (shown once) and revokes one. Each change is read back from the server, and is in the audit log.
 * `forDepartment` opens the form as an officer of that department (the departments tab's shortcut).
 */
export function AccountsTab({ me, forDepartment }: { me: Me; forDepartment: string | null }) {
  const [accounts, setAccounts] = useState<Account[] | null>(null)
  const [departments, setDepartments] = useState<DepartmentInfo[] | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [form, setForm] = useState<RowForm | null>(null)
  const [issued, setIssued] = useState<{ login: string; key: IssuedKey; forWall: boolean } | null>(null)
  const regions = useRegionNames()

  const reload = useCallback(() => adminApi.accounts().then(setAccounts, (e: unknown) => setNotice({ kind: 'error', text: errorText(e) })), [])
  useEffect(() => void reload(), [reload])
  useEffect(() => void adminApi.departments().then(setDepartments, (e: unknown) => setNotice({ kind: 'error', text: errorText(e) })), [])

  /** Runs a write, says how it ended, and reads the accounts again. */
  const write = async <T,>(what: () => Promise<T>, done: (t: T) => string): Promise<T | null> => {
    setNotice(null)
    try {
      const result = await what()
      setNotice({ kind: 'done', text: done(result) })
      await reload()
      return result
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) })
      return null
    }
  }

  const add = (a: NewAccount) => write(() => adminApi.add(a), (x) => `已添加账号 ${x.login}（${labels.role[x.role]}）`)
  const toggle = (a: Account) => void write(() => adminApi.update(a.login, { enabled: !a.enabled }), (x) => (x.enabled ? `已启用 ${x.login}` : `已停用 ${x.login}：其会话与实时连接已结束`))
  const revoke = (a: Account, id: number) => void write(() => adminApi.revokeKey(a.login, id), () => `已吊销 ${a.login} 的密钥 #${id}`)
  const reset = (login: string, password: string) => write(() => adminApi.resetPassword(login, { password }), () => `已为 ${login} 设置新密码：其原有会话已结束`)
  const issue = async (a: Account, label: string) => {
    const key = await write(() => adminApi.issueKey(a.login, { label }), (k) => `已为 ${a.login} 签发密钥 ${k.prefix}…`)
    if (key) setIssued({ login: a.login, key, forWall: a.role === 'wall_display' })
    return key
  }
  const defaultRegion = 'region' in me.scope ? me.scope.region : ''

  return (
    <div className="accounts-tab">
      <NewAccountForm defaultRegion={defaultRegion} regions={regions} departments={departments} forDepartment={forDepartment} onAdd={add} />
      <NoticeLine notice={notice} />
      {issued && <IssuedKeyBox login={issued.login} issued={issued.key} forWall={issued.forWall} onDone={() => setIssued(null)} />}
      <table className="accounts" data-testid="accounts" aria-busy={accounts === null}>
        <thead>
          <tr><th>登录名</th><th>名称</th><th>角色</th><th>管辖范围</th><th>状态</th><th>最近登录</th><th>密钥</th><th>操作</th></tr>
        </thead>
        <tbody>
          {(accounts ?? []).map((a) => (
            <AccountRows key={a.login} account={a} self={a.login === me.login} regions={regions} form={form?.login === a.login ? form.kind : null}
              onForm={(kind) => setForm(kind ? { login: a.login, kind } : null)} onToggle={() => toggle(a)} onRevoke={(id) => revoke(a, id)}
              onReset={async (p) => (await reset(a.login, p)) !== null && setForm(null)}
              onIssue={async (label) => (await issue(a, label)) !== null && setForm(null)} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function AccountRows({ account: a, self, regions, form, onForm, onToggle, onRevoke, onReset, onIssue }: {
  account: Account; self: boolean; regions: ReadonlyMap<string, string>; form: RowForm['kind'] | null
  onForm: (kind: RowForm['kind'] | null) => void; onToggle: () => void; onRevoke: (id: number) => void
  onReset: (password: string) => Promise<unknown>; onIssue: (label: string) => Promise<unknown>
}) {
  const code = 'region' in a.scope ? a.scope.region : null
  const active = a.keys.filter((k) => k.revokedAt === null)
  const [confirming, setConfirming] = useState<number | null>(null)
  return (
    <>
      <tr data-login={a.login} data-enabled={a.enabled} className={a.enabled ? '' : 'disabled'}>
        <td className="login">{a.login}</td>
        <td>{a.displayName}</td>
        <td>{labels.role[a.role]}</td>
        <td>{scopeName(a.scope, regions)}{code && <span className="code"> {code}</span>}</td>
        <td data-testid="account-state">{a.enabled ? <span className="ok">启用</span> : <span className="off">已停用</span>}</td>
        <td className="when">{a.lastSignInAt ? dateTime(a.lastSignInAt) : '从未登录'}</td>
        <td className="keys" data-testid="account-keys" data-active={active.length}>
          {a.keys.length === 0 && <span className="dim">无</span>}
          <ul>
            {a.keys.map((k) => (
              <li key={k.id} className={k.revokedAt ? 'revoked' : ''}>
                <code>{k.prefix}…</code> {k.label}
                {k.revokedAt
                  ? <span className="dim"> 已吊销</span>
                  : confirming === k.id
                    ? <> <button type="button" className="danger" onClick={() => { setConfirming(null); onRevoke(k.id) }}>确认吊销</button>
                        <button type="button" onClick={() => setConfirming(null)}>取消</button></>
                    : <> <button type="button" onClick={() => setConfirming(k.id)} data-testid={`revoke-${k.id}`}>吊销</button></>}
              </li>
            ))}
          </ul>
        </td>
        <td className="row-actions">
          <button type="button" onClick={onToggle} disabled={self && a.enabled} title={self ? '不能停用自己正在使用的账号' : undefined} data-testid="toggle-enabled">
            {a.enabled ? '停用' : '启用'}
          </button>
          {!KEY_ONLY.includes(a.role) && <button type="button" onClick={() => onForm(form === 'password' ? null : 'password')} aria-expanded={form === 'password'}>重置密码</button>}
          <button type="button" onClick={() => onForm(form === 'key' ? null : 'key')} aria-expanded={form === 'key'} data-testid="issue-key">签发密钥</button>
        </td>
      </tr>
      {form && (
        <tr className="row-form">
          <td colSpan={8}>
            {form === 'password'
              ? <OneField label={`${a.login} 的新密码`} type="password" placeholder="至少 10 个字符；其原有会话将全部结束" minLength={10} submit="设置新密码" onSubmit={onReset} onCancel={() => onForm(null)} />
              : <OneField label={`${a.login} 的新密钥用途`} type="text" placeholder={a.role === 'wall_display' ? '如：大厅大屏 1' : '如：模拟流量服务'} maxLength={60} submit="签发" onSubmit={onIssue} onCancel={() => onForm(null)} />}
          </td>
        </tr>
      )}
    </>
  )
}

/** One labelled field with its submit and a cancel (Escape): the row's new password, or a new key's label. */
function OneField({ label, type, placeholder, minLength, maxLength, submit, onSubmit, onCancel }: {
  label: string; type: 'text' | 'password'; placeholder: string; minLength?: number; maxLength?: number; submit: string
  onSubmit: (value: string) => Promise<unknown>; onCancel: () => void
}) {
  const [value, setValue] = useState('')
  const send = (e: FormEvent) => {
    e.preventDefault()
    void onSubmit(value)
  }
  return (
    <form className="one-field" onSubmit={send} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <label>{label}
        <input type={type} value={value} onChange={(e) => setValue(e.target.value)} placeholder={placeholder} autoFocus required
          {...(minLength ? { minLength } : {})} {...(maxLength ? { maxLength } : {})} autoComplete={type === 'password' ? 'new-password' : 'off'} />
      </label>
      <button type="submit" className="primary">{submit}</button>
      <button type="button" onClick={onCancel}>取消</button>
    </form>
  )
}
