import { type FormEvent, useState } from 'react'
import { type Account, type DepartmentInfo, DepartmentLevel, labels, type NewAccount, type Role, Role as RoleSchema, type Scope } from '../../../contract'
import { KEY_ONLY } from '../../../domain/access'

const ROLES = RoleSchema.options

/** What each role's scope is, as the form asks for it (the server checks it with the domain's rule). */
const SCOPE_HINT: Partial<Record<Role, string>> = {
  grid_worker: '网格的 15 位编码', community_officer: '社区（村）的 12 位编码', township_officer: '乡镇（街道）的 12 位编码',
}

/**
 * Adds an account: login name, name, role, scope (a region's or grid's code, or one of the enabled
 * departments), and a first password for a person; a wall display or a service signs in with keys only,
 * issued afterwards. Given `forDepartment` (the departments tab's shortcut), it opens as that department's officer.
 */
export function NewAccountForm({ defaultRegion, regions, departments, forDepartment, onAdd }: {
  defaultRegion: string; regions: ReadonlyMap<string, string>; departments: readonly DepartmentInfo[] | null; forDepartment: string | null
  onAdd: (a: NewAccount) => Promise<Account | null>
}) {
  const [login, setLogin] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [role, setRole] = useState<Role>(forDepartment ? 'department_officer' : 'operator')
  const [region, setRegion] = useState(defaultRegion)
  // No department is chosen for the admin: a wrong one would give an officer another department's cases.
  const [department, setDepartment] = useState(forDepartment ?? '')
  const enabled = (departments ?? []).filter((d) => d.enabled)
  const [password, setPassword] = useState('')
  const keyOnly = KEY_ONLY.includes(role)
  const byDepartment = role === 'department_officer'

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const scope: Scope = byDepartment ? { department } : { region: region.trim() }
    const added = await onAdd({ login: login.trim(), displayName: displayName.trim(), role, scope, ...(keyOnly ? {} : { password }) })
    if (added) {
      setLogin('')
      setDisplayName('')
      setPassword('')
    }
  }

  return (
    <form className="new-account" onSubmit={(e) => void submit(e)} aria-labelledby="new-account-title" data-testid="new-account">
      <h2 id="new-account-title">添加账号</h2>
      <label>登录名<input name="login" value={login} onChange={(e) => setLogin(e.target.value)} required autoComplete="off" spellCheck={false} placeholder="小写字母、数字"
        autoFocus={forDepartment !== null} /></label>
      <label>名称<input name="displayName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required maxLength={40} placeholder="如：新兴街道综治中心" /></label>
      <label>角色
        <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => <option key={r} value={r}>{labels.role[r]}</option>)}
        </select>
      </label>
      {byDepartment ? (
        <label>所属部门
          <select name="department" value={department} onChange={(e) => setDepartment(e.target.value)} required>
            <option value="" disabled>{departments === null ? '正在读取部门…' : enabled.length ? '请选择部门' : '没有启用的部门：先在「部门」中添加'}</option>
            {DepartmentLevel.options.map((level) => (
              <optgroup key={level} label={labels.departmentLevel[level]}>
                {enabled.filter((d) => d.level === level).map((d) => <option key={d.name} value={d.name}>{d.name}</option>)}
              </optgroup>
            ))}
          </select>
        </label>
      ) : (
        <label>
          <span>管辖范围 <span className="hint-inline" data-testid="region-name">{regions.get(region.trim()) ?? ''}</span></span>
          <input name="region" value={region} onChange={(e) => setRegion(e.target.value)} required list="region-codes" spellCheck={false}
            inputMode="numeric" placeholder={SCOPE_HINT[role] ?? '区域的 12 位编码'} />
        </label>
      )}
      {keyOnly
        ? <p className="hint-inline key-only">{labels.role[role]}只用密钥登录：添加后在列表中为其签发密钥。</p>
        : <label>初始密码<input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required minLength={10} autoComplete="new-password" placeholder="至少 10 个字符" /></label>}
      <button type="submit" className="primary">添加</button>
      <datalist id="region-codes">
        {[...regions].map(([code, name]) => <option key={code} value={code}>{name}</option>)}
      </datalist>
    </form>
  )
}
