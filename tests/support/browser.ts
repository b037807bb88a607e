import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'

/**
 * Debian's Chromium with WebGL 2 on Mesa's llvmpipe through ANGLE (`--use-gl=angle --use-angle=gl-egl`,
 * 4–6× faster here than SwiftShader): `--disable-gpu` must not be there (it turns WebGL off), the blocklist
 * flag must (without it Chromium refuses llvmpipe), and background networking is off because these
 * machines have no internet and Chromium would try it many times a start. Playwright gives every launch a fresh profile of its own.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    ignoreDefaultArgs: ['--disable-gpu', '--enable-unsafe-swiftshader'],
    args: [
      '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      '--use-gl=angle', '--use-angle=gl-egl', '--ignore-gpu-blocklist',
    ],
  })
}

/** Where screenshots go; printed so a person can open them. */
export function screenshotDir(): string {
  const dir = join(import.meta.dirname, '../../test-results/screenshots')
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Every request that leaves this machine: the product must work offline, so any is a failure. */
export function offMachineRequests(page: Page): string[] {
  const seen: string[] = []
  page.on('request', (req) => {
    const { hostname, protocol } = new URL(req.url())
    if ((protocol === 'http:' || protocol === 'https:' || protocol === 'ws:' || protocol === 'wss:') && hostname !== '127.0.0.1' && hostname !== 'localhost') {
      seen.push(req.url())
    }
  })
  return seen
}

export async function webglRenderer(page: Page): Promise<string> {
  return page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2')
    if (!gl) return 'no WebGL 2'
    const info = gl.getExtension('WEBGL_debug_renderer_info')
    return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER))
  })
}

/** Shares of a screenshot's pixels (every `step`th) by kind: dark, lit, magenta (a camera down), amber/red/cyan (cases). */
export type PixelShares = { dark: number; lit: number; magenta: number; caseColour: number }

export async function pixelShares(page: Page, png: Buffer, step = 1): Promise<PixelShares> {
  return page.evaluate(async ({ b64, step }) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const c = new OffscreenCanvas(img.width, img.height)
    const ctx = c.getContext('2d')!
    ctx.drawImage(img, 0, 0)
    const px = ctx.getImageData(0, 0, img.width, img.height).data
    const count = { dark: 0, lit: 0, magenta: 0, caseColour: 0 }
    let n = 0
    for (let i = 0; i < px.length; i += 4 * step) {
      const [r, g, b] = [px[i]!, px[i + 1]!, px[i + 2]!]
      const l = 0.2126 * r + 0.7152 * g + 0.0722 * b
      n++
      if (l < 60) count.dark++
      if (l > 25) count.lit++
      if (r > g + 50 && b > g + 50) count.magenta++
      if ((r > 180 && g > 110 && b < 80) || (r > 180 && g < 110 && b < 110) || (b > 180 && g > 150 && r < 140)) count.caseColour++
    }
    return { dark: count.dark / n, lit: count.lit / n, magenta: count.magenta / n, caseColour: count.caseColour / n }
  }, { b64: png.toString('base64'), step })
}

/**
 * Resolves once the page's map has stopped moving and has drawn everything it is waiting for
 * (MapLibre's `idle`), through the `commandCentre` handle the page leaves for tests: a screenshot or
 * a click at a projected point after it sees the map where it will stay. Two frames first, so that
 * a move the page started on its last render (fitting an area it just loaded) has begun.
 */
export async function mapSettled(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => Boolean((window as unknown as { commandCentre?: unknown }).commandCentre), null, { timeout })
  await page.evaluate((ms) => new Promise<void>((resolve, reject) => {
    type Map = { isMoving(): boolean; loaded(): boolean; once(event: 'idle', f: () => void): void }
    const { map } = (window as unknown as { commandCentre: { map: Map } }).commandCentre
    const timer = setTimeout(() => reject(new Error(`the map did not settle within ${ms} ms`)), ms)
    const done = () => {
      clearTimeout(timer)
      resolve()
    }
    requestAnimationFrame(() => requestAnimationFrame(() => (!map.isMoving() && map.loaded() ? done() : map.once('idle', done))))
  }), timeout)
}
