import { z } from 'zod'
import {
  Account, type AccountPatch, AuditEntry, type AuditQuery, DepartmentInfo, IssuedKey, type NewAccount, type NewDepartment, type NewKey,
  type PasswordReset, RegionCollection, TimeLimitRow,
} from '../../../contract'
import { deleteJson, fetchJson, patchJson, postJson, putJson } from '../api/fetchJson'

/** A township (乡镇、街道) as the departments tab names it. */
export type Township = { code: string; name: string }

const path = (login: string) => `/api/v1/accounts/${encodeURIComponent(login)}`

/** The admin routes as the admin screen calls them, each answer parsed with its contract schema; writes carry the session's CSRF token. */
export const adminApi = {
  accounts: () => fetchJson('/api/v1/accounts', z.array(Account)),
  add: (a: NewAccount) => postJson('/api/v1/accounts', a, Account),
  update: (login: string, patch: AccountPatch) => patchJson(path(login), patch, Account),
  resetPassword: (login: string, body: PasswordReset) => putJson(`${path(login)}/password`, body, Account),
  issueKey: (login: string, body: NewKey) => postJson(`${path(login)}/keys`, body, IssuedKey),
  revokeKey: (login: string, id: number) => deleteJson(`${path(login)}/keys/${id}`, Account),
  audit: (q: Partial<AuditQuery>) => {
    const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]))
    return fetchJson(`/api/v1/audit?${params}`, z.array(AuditEntry))
  },
  /** The townships (乡镇、街道) that own offices, by code. */
  townships: () => fetchJson('/api/v1/regions?level=township', RegionCollection)
    .then((regions): Township[] => regions.features.map((f) => ({ code: f.properties.code, name: f.properties.name })).sort((a, b) => a.code.localeCompare(b.code))),
  departments: () => fetchJson('/api/v1/departments', z.array(DepartmentInfo)),
  addDepartment: (d: NewDepartment) => postJson('/api/v1/departments', d, DepartmentInfo),
  setDepartmentEnabled: (name: string, enabled: boolean) => patchJson(`/api/v1/departments/${encodeURIComponent(name)}`, { enabled }, DepartmentInfo),
  timeLimits: () => fetchJson('/api/v1/time-limits', z.array(TimeLimitRow)),
  replaceTimeLimits: (rows: TimeLimitRow[]) => putJson('/api/v1/time-limits', rows, z.array(TimeLimitRow)),
}
