import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core'
import { DEMO_PASSWORD } from '../../data/demoAccounts'
import { testKey } from './serve'

export const DESK = { width: 1920, height: 1080 }

/**
 * Signs `login` in with the demo password through the real route (`POST /api/v1/session`), in the context's
 * own cookie jar: its pages then carry the session cookie, as after the sign-in page.
 */
export async function signIn(context: BrowserContext, url: string, login: string): Promise<void> {
  const res = await context.request.post(`${url}/api/v1/session`, { data: { login, password: DEMO_PASSWORD } })
  if (res.status() !== 200) throw new Error(`sign-in of ${login} refused: ${res.status()} ${await res.text()}`)
}

/** Trades a wall display's key for a session in the context (what `/wall?key=…` does), by the real route. */
export async function signInWithKey(context: BrowserContext, url: string, key: string): Promise<void> {
  const res = await context.request.post(`${url}/api/v1/session/key`, { data: { key } })
  if (res.status() !== 200) throw new Error(`key sign-in refused: ${res.status()} ${await res.text()}`)
}

/** A fresh context (a desk at 1080p unless told) signed in as `login`. */
export async function signedInContext(browser: Browser, url: string, login: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: DESK, deviceScaleFactor: 1, ...options })
  await signIn(context, url, login)
  return context
}

/** A fresh context signed in as the demo wall display, with its test key: a kiosk that was started once. */
export async function wallContext(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: DESK, deviceScaleFactor: 1, ...options })
  await signInWithKey(context, url, testKey('wall'))
  return context
}
