import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { clientAssets } from '../../server/src/api/clientAssets'
import { CLIENT_DIST } from '../../server/src/clientBuild'
import { launchChromium } from './browser'
import { type ServedCity, servedCity } from './servedCity'

/** A browser test file's own seeded city behind the app with the built client, and one Chromium for its tests. */
export function browserCity(): { city: ServedCity; browser: () => Browser } {
  const city = servedCity({ client: clientAssets(CLIENT_DIST) })
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return { city, browser: () => browser! }
}
