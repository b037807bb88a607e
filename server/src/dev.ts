import { join } from 'node:path'
import { createServer } from 'vite'
import { main } from './main'

/** `npm run dev`: the client through Vite's middleware with hot reload; tsx restarts the server on change. */
const vite = await createServer({
  configFile: join(import.meta.dirname, '../../vite.config.ts'),
  server: { middlewareMode: true },
  appType: 'spa',
})
await main(vite.middlewares)
