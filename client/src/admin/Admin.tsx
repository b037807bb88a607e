import { type KeyboardEvent, useState } from 'react'
import type { Me } from '../../../contract'
import { may } from '../../../domain/access'
import { SignedInBar } from '../session/SignedInBar'
import { AccountsTab } from './AccountsTab'
import { AuditTab } from './AuditTab'

const TABS = [['accounts', '账号'], ['audit', '审计日志']] as const
type Tab = (typeof TABS)[number][0]

/**
 * `/admin`, for admins: the accounts (add, disable, new password, keys issued once and revoked) and the
 * audit log. Other roles are told this screen is not theirs; the server refuses them its routes anyway.
 */
export function Admin({ me }: { me: Me }) {
  const [tab, setTab] = useState<Tab>(() => (window.location.hash === '#audit' ? 'audit' : 'accounts'))
  const choose = (t: Tab) => {
    setTab(t)
    window.history.replaceState(null, '', t === 'audit' ? '#audit' : window.location.pathname)
  }
  // Arrow keys move between the tabs, as a tab list does.
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
    const next = TABS[(TABS.findIndex(([t]) => t === tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]![0]
    choose(next)
    document.getElementById(`tab-${next}`)?.focus()
  }
  return (
    <div className="admin" data-testid="admin">
      <header className="admin-header">
        <h1>城市社会治理指挥中心 · 账号与审计</h1>
        <SignedInBar me={me} />
      </header>
      {!may(me.role, 'administer') ? (
        <p className="hint" role="alert">此页面仅限系统管理员使用。<a href="/">返回指挥大屏</a></p>
      ) : (
        <>
          <nav className="tabs" role="tablist" aria-label="管理" onKeyDown={onKey}>
            {TABS.map(([t, name]) => (
              <button key={t} id={`tab-${t}`} type="button" role="tab" aria-selected={tab === t} aria-controls={`panel-${t}`} tabIndex={tab === t ? 0 : -1}
                className={tab === t ? 'current' : ''} onClick={() => choose(t)} data-testid={`tab-${t}`}>{name}</button>
            ))}
          </nav>
          <section id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
            {tab === 'accounts' ? <AccountsTab me={me} /> : <AuditTab />}
          </section>
        </>
      )}
    </div>
  )
}
