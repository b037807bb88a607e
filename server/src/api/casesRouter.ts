import { Router } from 'express'
import { AcknowledgeRequest, AssignRequest, CaseReport, CasesQuery, EscalateRequest, IdParam, StepRequest } from '../../../contract'
import { coversArea } from '../../../domain/access'
import type { Clock } from '../clock'
import type { CaseCommands } from '../commands/cases'
import type { IntakeCommands } from '../commands/intake'
import { allow, outsideScope } from './auth'
import { parseOr400 } from './errors'
import { idempotencyKeyOf } from './intakeRouter'
import { noQuery } from './noQuery'

/**
 * Cases: report, step, read one with its history, list; escalating by hand, assigning and a case's parties for
 * duty leaders only; acknowledging an urgent hazard's alarm for the centre's seats and duty leaders. Everything within the caller's scope: a list holds only its cases, a case outside it
 * is not found. Only the list takes query parameters.
 */
export function casesRouter(cases: CaseCommands, intake: IntakeCommands, clock: Clock): Router {
  const router = Router()

  // Sent again under the same Idempotency-Key (a phone's queue after a lost answer), a report is filed once: 200 with that case.
  router.post('/', allow('report'), noQuery, async (req, res) => {
    const key = idempotencyKeyOf(req)
    const report = parseOr400(CaseReport, req.body, 'body')
    const filed = await intake.report(report, req.caller!, { idempotencyKey: key ?? null })
    res.status(filed.repeated ? 200 : 201).json(filed.summary)
  })

  router.post('/:id/steps', allow('step'), noQuery, async (req, res) => {
    const { id } = parseOr400(IdParam, req.params, 'path')
    const step = parseOr400(StepRequest, req.body, 'body')
    res.json(await cases.step(id, step, req.caller!))
  })

  router.post('/:id/escalate', allow('escalate'), noQuery, async (req, res) => {
    const { id } = parseOr400(IdParam, req.params, 'path')
    res.json(await cases.escalate(id, parseOr400(EscalateRequest, req.body, 'body'), req.caller!))
  })

  router.post('/:id/assign', allow('assign'), noQuery, async (req, res) => {
    const { id } = parseOr400(IdParam, req.params, 'path')
    res.json(await cases.assign(id, parseOr400(AssignRequest, req.body, 'body'), req.caller!))
  })

  router.post('/:id/acknowledge', allow('acknowledge'), noQuery, async (req, res) => {
    const { id } = parseOr400(IdParam, req.params, 'path')
    res.json(await cases.acknowledge(id, parseOr400(AcknowledgeRequest, req.body, 'body'), req.caller!))
  })

  router.get('/', allow('read'), async (req, res) => {
    const q = parseOr400(CasesQuery, req.query, 'query')
    const caller = req.caller!
    // Naming an area outside the scope is a 403: areas are public, so saying so reveals nothing.
    for (const area of [q.region, q.grid]) if (area && !coversArea(caller.reach, area) && caller.reach.prefix !== null) throw outsideScope(caller, area)
    res.json(await cases.list(q, caller.reach, clock.now()))
  })

  router.get('/:id', allow('read'), noQuery, async (req, res) => {
    const { id } = parseOr400(IdParam, req.params, 'path')
    res.json(await cases.detail(id, req.caller!, clock.now()))
  })

  router.get('/:id/parties', allow('read_parties'), noQuery, async (req, res) => {
    const { id } = parseOr400(IdParam, req.params, 'path')
    res.set('Cache-Control', 'no-store').json(await cases.parties(id, req.caller!, clock.now()))
  })

  return router
}
