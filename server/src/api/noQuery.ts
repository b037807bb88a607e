import type { RequestHandler } from 'express'
import { NoQuery } from '../../../contract'
import { parseOr400 } from './errors'

/**
 * For a route that takes no query parameters: any is a 400 naming it, the answer a route with a (strict)
 * query schema gives a parameter it does not know.
 */
export const noQuery: RequestHandler = (req, _res, next) => {
  parseOr400(NoQuery, req.query, 'query')
  next()
}
