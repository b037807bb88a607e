import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'

/**
 * Debian's Chromium with WebGL 2 on Mesa's llvmpipe through ANGLE (see shared/guide/BROWSER.md):
 * `--disable-gpu` must not be there, the blocklist flag must, and background networking is off
 * because this machine has no internet. Playwright gives every launch a fresh profile of its own.
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
