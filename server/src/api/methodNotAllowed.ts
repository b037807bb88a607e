import type { RequestHandler } from 'express'
import { HttpError } from './errors'

/**
 * The parts of Express 5's router (the `router` package, 2.x) this reads: a layer's path matchers, the route it
 * ends in (with its methods) or the router it mounts. Anything else in a stack (a plain middleware, another
 * framework's handler) has neither and is passed over.
 */
type Layer = {
  matchers?: ((path: string) => false | { path: string })[]
  slash?: boolean
  route?: { methods?: Record<string, boolean> }
  handle?: { stack?: unknown }
}

/** What `layer` matches of `path`: all of it for a route, a prefix for a mounted router; null when it does not. */
function matchOf(layer: Layer, path: string): string | null {
  if (layer.slash) return ''
  for (const match of layer.matchers ?? []) {
    try {
      const m = match(path)
      if (m) return m.path
    } catch {
      // A parameter that does not decode (`%E0`): Express answers that itself; here it is no match.
    }
  }
  return null
}

/** Adds to `allowed` the methods of every route in `stack` matching `path`, through mounted routers. */
function collect(stack: unknown, path: string, allowed: Set<string>): void {
  if (!Array.isArray(stack)) return
  for (const layer of stack as Layer[]) {
    if (!Array.isArray(layer.matchers) && !layer.slash) continue
    const matched = matchOf(layer, path)
    if (matched === null) continue
    if (layer.route?.methods) {
      for (const [method, on] of Object.entries(layer.route.methods)) if (on) allowed.add(method === '_all' ? '*' : method.toUpperCase())
      if (layer.route.methods.get) allowed.add('HEAD')
    } else if (layer.handle?.stack) {
      const rest = path.slice(matched.length)
      collect(layer.handle.stack, rest.startsWith('/') ? rest : `/${rest}`, allowed)
    }
  }
}

/**
 * After the routes: a request no route took, on a path some route has, is a 405 naming the path's methods in
 * `Allow` (RFC 9110 15.5.6); on a path no route has, it goes on (to the 404). One handler for the whole app,
 * reading the routes as they are registered, so no route lists its methods twice.
 */
export function methodNotAllowed(router: { stack: unknown }): RequestHandler {
  return (req, res, next) => {
    const allowed = new Set<string>()
    collect(router.stack, req.path, allowed)
    if (allowed.size === 0 || allowed.has('*') || allowed.has(req.method)) return next()
    const methods = [...allowed].sort() // in the order Express answers OPTIONS with
    res.set('Allow', methods.join(', '))
    next(new HttpError(405, 'method_not_allowed', `${req.method} is not allowed on ${req.path}; it takes ${methods.join(', ')}`))
  }
}
