import { type KeyboardEvent, useState } from 'react'
import type { Me } from '../../../contract'
import { may } from '../../../domain/access'
import { SignedInBar } from '../session/SignedInBar'
import { AccountsTab } from './AccountsTab'
import './admin.css'
import { AuditTab } from './AuditTab'
import { DepartmentsTab } from './DepartmentsTab'
import { TimeLimitsTab } from './TimeLimitsTab'

const TABS = [['accounts', '账号'], ['departments', '部门'], ['limits', '时限'], ['audit', '审计日志']] as const
type Tab = (typeof TABS)[number][0]

/** The tab a link names (`/admin#limits`); the accounts without one. */
const tabOfHash = (hash: string): Tab => TABS.find(([t]) => `#${t}` === hash)?.[0] ?? 'accounts'

/**
 * `/admin`, for admins: the accounts (add, disable, new password, keys issued once and revoked), the
 * departments cases are routed to, the time limits every level answers to, and the audit log. Other roles
 * are told this screen is not theirs; the server refuses them its routes anyway.
 */
export function Admin({ me }: { me: Me }) {
  const [tab, setTab] = useState<Tab>(() => tabOfHash(window.location.hash))
  // The department whose new officer the accounts tab's form is opened for (the departments tab's shortcut).
  const [forDepartment, setForDepartment] = useState<string | null>(null)
  const choose = (t: Tab, department: string | null = null) => {
    setTab(t)
    setForDepartment(department)
    window.history.replaceState(null, '', t === 'accounts' ? window.location.pathname : `#${t}`)
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
        <h1>城市社会治理指挥中心 · 系统管理</h1>
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
            {tab === 'accounts' && <AccountsTab me={me} forDepartment={forDepartment} />}
            {tab === 'departments' && <DepartmentsTab onAddAccount={(name) => choose('accounts', name)} />}
            {tab === 'limits' && <TimeLimitsTab />}
            {tab === 'audit' && <AuditTab />}
          </section>
        </>
      )}
    </div>
  )
}
