import { Router } from 'express'
import { AssignRequest, CaseReport, CasesQuery, EscalateRequest, IdParam, StepRequest } from '../../../contract'
import type { Clock } from '../clock'
import type { CaseCommands } from '../commands/cases'
import { actorOf, requireRole, type Tokens } from './auth'
import { parseOr400 } from './errors'
import { noQuery } from './noQuery'

/**
 * Cases: report, step, read one with its history, list; escalating by hand, assigning and a case's parties for
 * duty leaders only. Only the list takes query parameters.
 */
export function casesRouter(cases: CaseCommands, tokens: Tokens, clock: Clock): Router {
  const router = Router()
  const reporters = requireRole(tokens, 'grid_worker', 'duty_leader', 'simulator')
  const leaders = requireRole(tokens, 'duty_leader')

  router.post('/', reporters, noQuery, async (req, res) => {
    const report = parseOr400(CaseReport, req.body, 'body')
    res.status(201).json(await cases.report(report, req.caller!))
  })

  router.post('/:id/steps', reporters, noQuery, async (req, res) => {
    const { id } = parseOr400(IdParam, req.params, 'path')
    const step = parseOr400(StepRequest, req.body, 'body')
    res.json(await cases.step(id, step, req.caller!))
  })

  router.post('/:id/escalate', leaders, noQuery, async (req, res) => {
    const { id } = parseOr400(IdParam, req.params, 'path')
    res.json(await cases.escalate(id, parseOr400(EscalateRequest, req.body, 'body'), req.caller!))
  })

  router.post('/:id/assign', leaders, noQuery, async (req, res) => {
    const { id } = parseOr400(IdParam, req.params, 'path')
    res.json(await cases.assign(id, parseOr400(AssignRequest, req.body, 'body'), req.caller!))
  })

  router.get('/', async (req, res) => {
    res.json(await cases.list(parseOr400(CasesQuery, req.query, 'query'), clock.now()))
  })

  router.get('/:id', noQuery, async (req, res) => {
    const { id } = parseOr400(IdParam, req.params, 'path')
    res.json(await cases.detail(id))
  })

  router.get('/:id/parties', leaders, noQuery, async (req, res) => {
    const { id } = parseOr400(IdParam, req.params, 'path')
    res.set('Cache-Control', 'no-store').json(await cases.parties(id, actorOf(req.caller!), clock.now()))
  })

  return router
}
