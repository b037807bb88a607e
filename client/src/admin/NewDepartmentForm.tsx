import { type FormEvent, useState } from 'react'
import { type DepartmentInfo, DepartmentLevel, issuesOf, labels, NewDepartment } from '../../../contract'
import { ApiError } from '../api/fetchJson'
import { errorText } from '../ui/errorText'
import { NoticeLine } from '../ui/Notice'
import { byField, FieldIssue } from './FieldIssue'
import type { Township } from './adminApi'

const FIELDS = ['name', 'level', 'townshipCode']

/**
 * Adds a department: its name, whether it is a city bureau or a township's office, and that township.
 * The input is checked with the contract's schema, as the server checks it, before it is sent; what the
 * server still refuses (a name taken) is shown at its field too.
 */
export function NewDepartmentForm({ townships, onAdd }: { townships: readonly Township[]; onAdd: (d: NewDepartment) => Promise<DepartmentInfo> }) {
  const [name, setName] = useState('')
  const [level, setLevel] = useState<DepartmentLevel>('city')
  const [townshipCode, setTownshipCode] = useState('')
  const [issues, setIssues] = useState<ReadonlyMap<string, string>>(new Map())
  const [failure, setFailure] = useState<string | null>(null)
  const township = townships.find((t) => t.code === townshipCode)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    const draft: NewDepartment = { name, level, ...(level === 'township' && townshipCode ? { townshipCode } : {}) }
    const checked = NewDepartment.safeParse(draft)
    if (!checked.success) return setIssues(byField(issuesOf(checked.error)))
    setIssues(new Map())
    try {
      await onAdd(checked.data)
      setName('')
    } catch (err) {
      const named = err instanceof ApiError && err.code === 'department_exists' ? [{ field: 'name', reason: errorText(err) }] : err instanceof ApiError ? err.issues : []
      setIssues(byField(named))
      // Whatever names no field of this form is said once, in full, below it.
      if (!named.length || named.some((i) => !FIELDS.includes(i.field))) setFailure(errorText(err))
    }
  }

  return (
    <form className="new-department" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-department-title" data-testid="new-department">
      <h2 id="new-department-title">添加部门</h2>
      <label>层级
        <select name="level" value={level} onChange={(e) => setLevel(e.target.value as DepartmentLevel)} aria-invalid={issues.has('level')}>
          {DepartmentLevel.options.map((l) => <option key={l} value={l}>{labels.departmentLevel[l]}</option>)}
        </select>
        <FieldIssue reason={issues.get('level')} />
      </label>
      {level === 'township' && (
        <label>所属乡镇（街道）
          <select name="townshipCode" value={townshipCode} onChange={(e) => setTownshipCode(e.target.value)} aria-invalid={issues.has('townshipCode')}>
            <option value="">{townships.length ? '请选择' : '正在读取乡镇…'}</option>
            {townships.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
          </select>
          <FieldIssue reason={issues.get('townshipCode')} />
        </label>
      )}
      <label>部门名称
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" spellCheck={false} aria-invalid={issues.has('name')}
          placeholder={level === 'city' ? '如：市应急管理局' : `如：${township?.name ?? '新兴街道'}司法所`} />
        <FieldIssue reason={issues.get('name')} />
      </label>
      <button type="submit" className="primary">添加</button>
      <NoticeLine notice={failure ? { kind: 'error', text: failure } : null} />
    </form>
  )
}
