import cors from 'cors'
import type { RequestHandler } from 'express'
import helmet from 'helmet'

export type SecurityOptions = {
  /** Origins allowed to call the API from a browser (CORS); none by default: the screens are served from here. */
  corsOrigins: string[]
  /** Whether to send a Content-Security-Policy: off in development, where Vite injects inline scripts. */
  contentSecurityPolicy: boolean
}

/**
 * Helmet's headers (no sniffing, no framing, no referrer leaks, HSTS behind https) with a policy that
 * lets the map do what it needs: MapLibre runs its workers from blob: URLs and styles elements inline.
 * Cross-origin calls are refused unless an origin is configured.
 */
export function securityHeaders({ corsOrigins, contentSecurityPolicy }: SecurityOptions): RequestHandler[] {
  const headers = helmet({
    contentSecurityPolicy: contentSecurityPolicy
      ? {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          workerSrc: ["'self'", 'blob:'],
          childSrc: ["'self'", 'blob:'],
          connectSrc: ["'self'", 'data:', 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      }
      : false,
    crossOriginEmbedderPolicy: false,
  })
  return corsOrigins.length > 0 ? [headers, cors({ origin: corsOrigins, credentials: true })] : [headers]
}
