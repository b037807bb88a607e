import { ensureClientBuilt } from './clientBuild'
import { main } from './main'

/** `npm start`: builds the client if any of its sources changed since the last build, then serves. */
try {
  process.stdout.write('checking the client build…\n')
  if (await ensureClientBuilt()) process.stdout.write('client built\n')
  await main()
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
  process.exit(1)
}
