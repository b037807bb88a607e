import { useCallback, useEffect, useRef, useState } from 'react'
import { type Account, type DepartmentInfo, labels, type NewDepartment } from '../../../contract'
import { errorText } from '../ui/errorText'
import { type Notice, NoticeLine } from '../ui/Notice'
import { adminApi, type Township } from './adminApi'
import { NewDepartmentForm } from './NewDepartmentForm'

type Group = { key: string; title: string; departments: DepartmentInfo[] }

/** The city's bureaus first, then each township's offices in the order of its code; by name within each. */
function groups(departments: readonly DepartmentInfo[], townships: readonly Township[]): Group[] {
  const byName = (a: DepartmentInfo, b: DepartmentInfo) => a.name.localeCompare(b.name, 'zh-CN')
  const city = departments.filter((d) => d.level === 'city').sort(byName)
  const codes = [...new Set(departments.flatMap((d) => (d.townshipCode ? [d.townshipCode] : [])))].sort()
  return [
    ...(city.length ? [{ key: 'city', title: labels.departmentLevel.city, departments: city }] : []),
    ...codes.map((code) => ({
      key: code,
      // A township the regions do not name (yet) is shown by its code rather than hidden.
      title: `${townships.find((t) => t.code === code)?.name ?? code} · ${labels.departmentLevel.township}`,
      departments: departments.filter((d) => d.townshipCode === code).sort(byName),
    })),
  ]
}

/**
 * The departments cases are routed to (街道吹哨、部门报到), grouped as the city's bureaus and each township's
 * offices, each with its accounts: an admin adds one, disables or enables it (a disabled one is routed nothing
 * new), and opens the accounts tab's form for a new officer of it.
 */
export function DepartmentsTab({ onAddAccount }: { onAddAccount: (department: string) => void }) {
  const [departments, setDepartments] = useState<DepartmentInfo[] | null>(null)
  const [accounts, setAccounts] = useState<Account[]>([])
  const [townships, setTownships] = useState<Township[]>([])
  const [notice, setNotice] = useState<Notice | null>(null)
  const [added, setAdded] = useState<string | null>(null)
  const fail = (e: unknown) => setNotice({ kind: 'error', text: errorText(e) })

  const reload = useCallback(() => adminApi.departments().then(setDepartments, fail), [])
  useEffect(() => {
    void reload()
    adminApi.accounts().then(setAccounts, fail)
    adminApi.townships().then(setTownships, fail)
  }, [reload])

  const add = async (d: NewDepartment) => {
    setNotice(null)
    const made = await adminApi.addDepartment(d)
    setAdded(made.name)
    setNotice({ kind: 'done', text: `已添加${labels.departmentLevel[made.level]}「${made.name}」：可在其行内为它添加账号` })
    await reload()
    return made
  }
  const toggle = async (d: DepartmentInfo) => {
    setNotice(null)
    try {
      const now = await adminApi.setDepartmentEnabled(d.name, !d.enabled)
      setNotice({ kind: 'done', text: now.enabled ? `已启用「${now.name}」` : `已停用「${now.name}」：不再向其派新的案件，已派给它的仍由它办理` })
      await reload()
    } catch (e) {
      fail(e)
    }
  }

  return (
    <div className="departments-tab">
      <NewDepartmentForm townships={townships} onAdd={add} />
      {/* The line is kept while empty: a notice appearing must not move the rows under the pointer that just clicked one. */}
      <div className="notice-slot"><NoticeLine notice={notice} /></div>
      <p className="departments-count">{departments === null ? '正在读取…' : `共 ${departments.length} 个部门，其中 ${departments.filter((d) => d.enabled).length} 个启用`}</p>
      <table className="departments" data-testid="departments" aria-busy={departments === null}>
        <thead>
          <tr><th>部门</th><th>账号</th><th>状态</th><th>操作</th></tr>
        </thead>
        {groups(departments ?? [], townships).map((g) => (
          <tbody key={g.key} data-group={g.key}>
            <tr className="group"><th colSpan={4} scope="rowgroup">{g.title} <span className="dim">{g.departments.length} 个</span></th></tr>
            {g.departments.map((d) => (
              <DepartmentRow key={d.name} department={d} justAdded={d.name === added} onToggle={() => void toggle(d)} onAddAccount={() => onAddAccount(d.name)}
                accounts={accounts.filter((a) => 'department' in a.scope && a.scope.department === d.name)} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  )
}

function DepartmentRow({ department: d, accounts, justAdded, onToggle, onAddAccount }: {
  department: DepartmentInfo; accounts: readonly Account[]; justAdded: boolean; onToggle: () => void; onAddAccount: () => void
}) {
  const off = accounts.filter((a) => !a.enabled).length
  const row = useRef<HTMLTableRowElement>(null)
  // A department just added may land far down the list: bring it into view once.
  useEffect(() => void (justAdded && row.current?.scrollIntoView({ block: 'nearest' })), [justAdded])
  return (
    <tr ref={row} data-department={d.name} data-enabled={d.enabled} className={[d.enabled ? '' : 'disabled', justAdded ? 'added' : ''].join(' ').trim()}>
      <td className="name">{d.name}</td>
      <td data-testid="department-accounts" data-count={accounts.length} title={accounts.map((a) => `${a.login}（${a.displayName}${a.enabled ? '' : '，已停用'}）`).join('\n')}>
        {accounts.length ? `${accounts.length} 个` : <span className="dim">无账号</span>}
        {off > 0 && <span className="dim">（{off} 个已停用）</span>}
      </td>
      <td data-testid="department-state">{d.enabled ? <span className="ok">启用</span> : <span className="off">已停用</span>}</td>
      <td className="row-actions">
        <button type="button" onClick={onToggle} data-testid="toggle-department">{d.enabled ? '停用' : '启用'}</button>
        <button type="button" onClick={onAddAccount} disabled={!d.enabled} title={d.enabled ? `为${d.name}添加部门工作人员账号` : '部门已停用：先启用再添加账号'}
          data-testid="add-department-account">添加账号</button>
      </td>
    </tr>
  )
}
