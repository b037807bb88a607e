/**
 * Tells the screen's session that the server no longer knows it (a 401 where a session was expected, or the
 * live stream closed by the server): the session checks `/api/v1/me` again and shows the sign-in page if so.
 * Kept here, below every screen, so the API helpers and the live stream can say it without knowing the screens.
 */
const listeners = new Set<() => void>()

export function onSessionDoubt(listener: () => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

export function sessionDoubted(): void {
  for (const l of listeners) l()
}

/**
 * The CSRF token of the signed-in session (from `GET /api/v1/me`), sent back in `X-CSRF-Token` with every write:
 * one page, one session, so it is kept once here rather than threaded through every screen.
 */
let csrfToken: string | null = null

export const setCsrfToken = (token: string | null) => void (csrfToken = token)
export const currentCsrfToken = () => csrfToken
