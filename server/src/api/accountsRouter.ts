import { Router } from 'express'
import { AccountPatch, AuditQuery, KeyParams, LoginParam, NewAccount, NewKey, PasswordReset } from '../../../contract/auth'
import type { AccountCommands } from '../accounts/accounts'
import type { AuditLog } from '../accounts/audit'
import type { Scope } from '../../../contract/auth'
import type { DepartmentCommands } from '../commands/departments'
import { invalid } from '../commands/serviceErrors'
import { allow } from './auth'
import { parseOr400 } from './errors'
import { noQuery } from './noQuery'

/**
 * Accounts, for admins: list, add, enable or disable, a new password, keys issued (shown once) and
 * revoked. Every one of these writes is in the audit log, as every write is.
 */
export function accountsRouter(accounts: AccountCommands, departments: DepartmentCommands): Router {
  const router = Router()
  /** A department officer's scope names a department there is. */
  const checkScope = async (scope: Scope) => {
    if ('department' in scope && !(await departments.exists(scope.department))) {
      throw invalid([{ field: 'scope.department', reason: `${scope.department} is not a department (GET /api/v1/departments lists them)` }])
    }
  }
  router.use(allow('administer'))
  router.get('/', noQuery, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await accounts.list())
  })
  router.post('/', noQuery, async (req, res) => {
    const account = parseOr400(NewAccount, req.body, 'body')
    await checkScope(account.scope)
    res.status(201).json(await accounts.add(account))
  })
  router.get('/:login', noQuery, async (req, res) => {
    const { login } = parseOr400(LoginParam, req.params, 'path')
    res.set('Cache-Control', 'no-store').json(await accounts.get(login))
  })
  router.patch('/:login', noQuery, async (req, res) => {
    const { login } = parseOr400(LoginParam, req.params, 'path')
    res.json(await accounts.update(login, parseOr400(AccountPatch, req.body, 'body')))
  })
  router.put('/:login/password', noQuery, async (req, res) => {
    const { login } = parseOr400(LoginParam, req.params, 'path')
    res.json(await accounts.resetPassword(login, parseOr400(PasswordReset, req.body, 'body').password))
  })
  router.post('/:login/keys', noQuery, async (req, res) => {
    const { login } = parseOr400(LoginParam, req.params, 'path')
    res.status(201).set('Cache-Control', 'no-store').json(await accounts.issueKey(login, parseOr400(NewKey, req.body, 'body').label))
  })
  router.delete('/:login/keys/:id', noQuery, async (req, res) => {
    const { login, id } = parseOr400(KeyParams, req.params, 'path')
    res.json(await accounts.revokeKey(login, id))
  })
  return router
}

/** `GET /audit?actor=&action=&from=&to=&limit=`, admins only. */
export function auditRouter(audit: AuditLog): Router {
  return Router().get('/', allow('administer'), async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await audit.list(parseOr400(AuditQuery, req.query, 'query')))
  })
}
