import { Router } from 'express'
import { z } from 'zod'
import { type AnswerEndpoint, AnsweredChannel, AnswerEndpointSet } from '../../../contract'
import type { Db } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import { allow } from './auth'
import { parseOr400 } from './errors'
import { noQuery } from './noQuery'

const sql = sqlFiles(['answer_endpoints', 'answer_endpoint_set'])
const ChannelParam = z.strictObject({ channel: AnsweredChannel })

/** `/api/v1/answer-endpoints`, admins only: where each outside channel's answers (回告) go; a secret is set, never shown. */
export function answerEndpointsRouter(db: Db): Router {
  const router = Router()
  router.get('/', allow('administer'), noQuery, async (_req, res) => {
    res.json(await db.query<AnswerEndpoint>(sql.answer_endpoints))
  })
  router.put('/:channel', allow('administer'), noQuery, async (req, res) => {
    const { channel } = parseOr400(ChannelParam, req.params, 'path')
    const set = parseOr400(AnswerEndpointSet, req.body, 'body')
    const [row] = await db.query<AnswerEndpoint>(sql.answer_endpoint_set, [channel, set.url, set.secret, set.enabled])
    res.json(row)
  })
  return router
}
