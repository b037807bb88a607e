import { z } from 'zod'
import {
  Account, type AccountPatch, AuditEntry, type AuditQuery, IssuedKey, type NewAccount, type NewKey, type PasswordReset,
} from '../../../contract'
import { deleteJson, fetchJson, patchJson, postJson, putJson } from '../api/fetchJson'

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
}
