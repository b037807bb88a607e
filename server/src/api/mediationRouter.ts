import { Router } from 'express'
import { z } from 'zod'
import { IdParam, IdText, MediationBodiesQuery, MediationResult, ReferToMediation } from '../../../contract'
import { coversArea } from '../../../domain/access'
import type { MediationCommands } from '../commands/mediation'
import { allow, outsideScope } from './auth'
import { parseOr400 } from './errors'
import { noQuery } from './noQuery'

const MediationParam = z.strictObject({ id: IdText(Number.MAX_SAFE_INTEGER), mediationId: IdText(Number.MAX_SAFE_INTEGER) })

/**
 * Mediation (调解): the bodies serving an area, and a dispute's mediations under `/cases/:id/mediations`,
 * read by whoever reaches the case and written by those who handle it. Mounted at `/api/v1`.
 */
export function mediationRouter(mediation: MediationCommands): Router {
  const router = Router()

  router.get('/mediation-bodies', allow('read'), async (req, res) => {
    const q = parseOr400(MediationBodiesQuery, req.query, 'query')
    const caller = req.caller!
    // Areas are public, so naming one outside the scope is a 403; a department's reader has no area and may name any.
    if (q.area && caller.reach.prefix !== null && !coversArea(caller.reach, q.area)) throw outsideScope(caller, q.area)
    res.json(await mediation.bodies(q, caller))
  })

  router.get('/cases/:id/mediations', allow('read'), noQuery, async (req, res) => {
    const { id } = parseOr400(IdParam, req.params, 'path')
    res.json(await mediation.ofCase(id, req.caller!))
  })

  router.post('/cases/:id/mediations', allow('mediate'), noQuery, async (req, res) => {
    const { id } = parseOr400(IdParam, req.params, 'path')
    res.status(201).json(await mediation.refer(id, parseOr400(ReferToMediation, req.body, 'body'), req.caller!))
  })

  router.patch('/cases/:id/mediations/:mediationId', allow('mediate'), noQuery, async (req, res) => {
    const { id, mediationId } = parseOr400(MediationParam, req.params, 'path')
    res.json(await mediation.record(id, mediationId, parseOr400(MediationResult, req.body, 'body'), req.caller!))
  })

  return router
}
