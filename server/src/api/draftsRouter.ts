import express, { type RequestHandler, Router } from 'express'
import {
  CreateDraftRequest, DraftFeatures, DraftsQuery, IdParam, ImportQuery, MergeRequest, PublishRequest, ReplaceDraftRequest, SplitRequest,
} from '../../../contract'
import type { DraftCommands } from '../commands/drafts'
import { auditNote } from './auditWrites'
import { actorOf, allow } from './auth'
import { HttpError, parseOr400 } from './errors'
import { noQuery } from './noQuery'
import { shapefileFeatures } from './shapefileZip'

/**
 * The analysts' grid editor: drafts of a community's grids, their check, their diff with the current grids
 * and their publishing, for analysts alone: a draft is work in progress, read by nobody else either.
 */
export function draftsRouter(drafts: DraftCommands): Router {
  const router = Router()
  router.use(allow('edit_grids'))
  const id = (params: unknown) => parseOr400(IdParam, params, 'path').id

  router.post('/', async (req, res) => {
    const { community } = parseOr400(CreateDraftRequest, req.body, 'body')
    res.status(201).json(await drafts.create(community, actorOf(req.caller!)))
  })

  router.get('/', async (req, res) => {
    res.json(await drafts.list(parseOr400(DraftsQuery, req.query, 'query')))
  })

  // A FeatureCollection as JSON (the app's parser takes application/json) or GeoJSON, or a zipped Shapefile.
  router.post('/import', express.json({ type: 'application/geo+json', limit: '1mb' }),
    express.raw({ type: 'application/zip', limit: '8mb' }), async (req, res) => {
      const { community } = parseOr400(ImportQuery, req.query, 'query')
      const body: unknown = Buffer.isBuffer(req.body) ? await shapefileFeatures(req.body) : req.body
      if (body === undefined) {
        throw new HttpError(415, 'unsupported_media_type', 'send a GeoJSON FeatureCollection (application/json or application/geo+json) or a zipped Shapefile (application/zip)')
      }
      res.status(201).json(await drafts.import(community, parseOr400(DraftFeatures, body, 'body'), actorOf(req.caller!)))
    })

  router.use('/:id', noQuery) // a draft's own routes take no query parameters
  router.get('/:id', async (req, res) => {
    res.json(await drafts.get(id(req.params)))
  })

  router.put('/:id', async (req, res) => {
    const { features, expectedVersion } = parseOr400(ReplaceDraftRequest, req.body, 'body')
    res.json(await drafts.replace(id(req.params), features, expectedVersion))
  })

  router.delete('/:id', async (req, res) => {
    await drafts.discard(id(req.params))
    res.status(204).end()
  })

  router.post('/:id/split', async (req, res) => {
    const draft = id(req.params)
    res.json(await drafts.split(draft, parseOr400(SplitRequest, req.body, 'body')))
  })

  router.post('/:id/merge', async (req, res) => {
    const draft = id(req.params)
    res.json(await drafts.merge(draft, parseOr400(MergeRequest, req.body, 'body')))
  })

  // An analyst's, though it writes nothing: a check is the costliest read there is (every grid's overlay in
  // PostGIS), once per draft version. POST as well, for an editor that checks as it saves.
  const check: RequestHandler = async (req, res) => {
    res.json(await drafts.check(id(req.params)))
  }
  router.route('/:id/check').get(check).post(check)

  // The merge's own rule, so the editor offers only the grids a merge takes.
  router.get('/:id/neighbours', async (req, res) => {
    res.json(await drafts.neighbours(id(req.params)))
  })

  // The server gives new grids their codes: only it knows the codes of the community's retired grids.
  router.get('/:id/next-code', async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await drafts.nextCode(id(req.params)))
  })

  router.get('/:id/diff', async (req, res) => {
    res.json(await drafts.diff(id(req.params)))
  })

  router.post('/:id/publish', async (req, res) => {
    const draft = id(req.params)
    const { expectedVersion, note } = parseOr400(PublishRequest, req.body, 'body')
    auditNote(res, note)
    res.json(await drafts.publish(draft, expectedVersion, note, actorOf(req.caller!)))
  })

  return router
}
