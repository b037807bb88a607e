import { Router } from 'express'
import { z } from 'zod'
import { DepartmentPatch, NewDepartment, TimeLimitTable } from '../../../contract/departments'
import { Department } from '../../../contract/domain'
import type { DepartmentCommands } from '../commands/departments'
import type { TimeLimitStore } from '../commands/timeLimits'
import { allow } from './auth'
import { parseOr400 } from './errors'
import { noQuery } from './noQuery'

const NameParam = z.strictObject({ name: Department })

/** `/api/v1/departments`: where cases may be routed; admins add and disable them. */
export function departmentsRouter(departments: DepartmentCommands): Router {
  const router = Router()
  router.get('/', allow('read'), noQuery, async (_req, res) => {
    res.json(await departments.list())
  })
  router.post('/', allow('administer'), noQuery, async (req, res) => {
    res.status(201).json(await departments.add(parseOr400(NewDepartment, req.body, 'body')))
  })
  router.patch('/:name', allow('administer'), noQuery, async (req, res) => {
    const { name } = parseOr400(NameParam, req.params, 'path')
    res.json(await departments.setEnabled(name, parseOr400(DepartmentPatch, req.body, 'body').enabled))
  })
  return router
}

/** `/api/v1/time-limits`: each holder's hours to sign for and to handle a case; admins replace the table. */
export function timeLimitsRouter(limits: TimeLimitStore): Router {
  const router = Router()
  router.get('/', allow('read'), noQuery, async (_req, res) => {
    res.json(await limits.rows())
  })
  router.put('/', allow('administer'), noQuery, async (req, res) => {
    res.json(await limits.replace(parseOr400(TimeLimitTable, req.body, 'body')))
  })
  return router
}
