import { type Request, Router } from 'express'
import { IdParam, IDEMPOTENCY_HEADER, IdempotencyKey, IntakeReport, PlacesQuery, SearchQuery, SimilarQuery } from '../../../contract'
import type { IntakeCommands } from '../commands/intake'
import { allow } from './auth'
import { HttpError, parseOr400 } from './errors'
import { noQuery } from './noQuery'

/** The sender's idempotency key, when it named one: 400 naming the header when it is not one. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const raw = req.get(IDEMPOTENCY_HEADER)
  if (raw === undefined) return undefined
  const key = IdempotencyKey.safeParse(raw)
  if (key.success) return key.data
  const reason = key.error.issues[0]!.message
  throw new HttpError(400, 'invalid_header', `${IDEMPOTENCY_HEADER}: ${reason}`, [{ field: IDEMPOTENCY_HEADER, reason }])
}

/**
 * The seats' intake (`/api/v1/intake`: file, merge, duplicates), the gazetteer (`/api/v1/places`), the search box
 * (`/api/v1/search`), and a case's reports (`/api/v1/cases/:id/reports`). A repeated idempotency key answers 200 with
 * what it filed the first time; a new case is 201, a merge 200.
 */
export function intakeRouter(intake: IntakeCommands): Router {
  const router = Router()

  router.post('/intake', allow('intake'), noQuery, async (req, res) => {
    const key = idempotencyKeyOf(req)
    const report = parseOr400(IntakeReport, req.body, 'body')
    const { repeated, ...filed } = await intake.intake(report, req.caller!, key)
    res.status(repeated || filed.merged ? 200 : 201).json(filed)
  })

  router.get('/intake/similar', allow('intake'), async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await intake.similar(parseOr400(SimilarQuery, req.query, 'query'), req.caller!))
  })

  router.get('/places', allow('read'), async (req, res) => {
    const { q, limit } = parseOr400(PlacesQuery, req.query, 'query')
    res.json(await intake.places(q, limit))
  })

  router.get('/search', allow('read'), async (req, res) => {
    const { q } = parseOr400(SearchQuery, req.query, 'query')
    res.set('Cache-Control', 'no-store').json(await intake.search(q, req.caller!))
  })

  router.get('/cases/:id/reports', allow('read'), noQuery, async (req, res) => {
    const { id } = parseOr400(IdParam, req.params, 'path')
    res.json(await intake.reports(id, req.caller!))
  })

  return router
}
