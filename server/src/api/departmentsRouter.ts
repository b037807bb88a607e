import { Router } from 'express'
import { DEPARTMENTS } from '../../../contract/domain'
import { allow } from './auth'
import { noQuery } from './noQuery'

/** `GET /api/v1/departments`: where a case may be routed. */
export function departmentsRouter(): Router {
  return Router().get('/', allow('read'), noQuery, (_req, res) => {
    res.json(DEPARTMENTS)
  })
}
