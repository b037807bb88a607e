import express, { Router } from 'express'
import { z } from 'zod'
import { IdText, PHOTO_MAX_BYTES, PHOTO_TYPES } from '../../../contract'
import type { PhotoCommands } from '../commands/photos'
import { allow } from './auth'
import { HttpError, parseOr400 } from './errors'
import { noQuery } from './noQuery'

const CaseParam = z.strictObject({ id: IdText(Number.MAX_SAFE_INTEGER) })
const PhotoParam = z.strictObject({ id: IdText(Number.MAX_SAFE_INTEGER), photo: IdText(Number.MAX_SAFE_INTEGER) })

/**
 * `/api/v1/cases/:id/photos`: a phone adds a photo (the image itself as the body, JPEG, PNG or WebP up to
 * 8 MiB); the roles that read a case's free text list them and fetch each, full size or as a thumbnail.
 */
export function photosRouter(photos: PhotoCommands): Router {
  const router = Router()
  const image = express.raw({ type: [...PHOTO_TYPES], limit: PHOTO_MAX_BYTES })

  router.post('/:id/photos', allow('report', 'step'), noQuery, image, async (req, res) => {
    const { id } = parseOr400(CaseParam, req.params, 'path')
    const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    if (!(PHOTO_TYPES as readonly string[]).includes(type)) {
      throw new HttpError(415, 'unsupported_type', `a photo is sent as ${PHOTO_TYPES.join(', ')}, not ${type || 'no Content-Type'}`)
    }
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new HttpError(400, 'invalid_body', 'body: is empty; send the image itself', [{ field: 'body', reason: 'is empty' }])
    res.status(201).json(await photos.add(id, type, req.body, req.caller!))
  })

  router.get('/:id/photos', allow('read_photos'), noQuery, async (req, res) => {
    const { id } = parseOr400(CaseParam, req.params, 'path')
    res.json({ caseId: id, photos: await photos.list(id, req.caller!) })
  })

  const send = (thumbnail: boolean) => async (req: express.Request, res: express.Response) => {
    const { id, photo } = parseOr400(PhotoParam, req.params, 'path')
    res.set({ 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=86400' }).send(await photos.jpeg(id, photo, thumbnail, req.caller!))
  }
  router.get('/:id/photos/:photo.jpg', allow('read_photos'), noQuery, send(false))
  router.get('/:id/photos/:photo/thumb.jpg', allow('read_photos'), noQuery, send(true))
  return router
}
