import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Db } from '../../server/src/db/Db'
import type { Logger } from '../../server/src/log'

/** The channels the demo's stand-in platforms answer for. */
const CHANNELS = ['hotline_12345', 'mini_program'] as const

/**
 * The demo's stand-in for the 12345 platform and the mini-program's backend, receiving the answers (回告):
 * on a port of its own, as an outside system is; it checks each answer's signature and takes each
 * idempotency key once, logging what it took. Points the channels' answer endpoints at itself with a fresh
 * secret each start. Returns how to stop it.
 */
export async function startAnswerReceiver(db: Db, log: Logger): Promise<() => Promise<void>> {
  const secret = randomBytes(24).toString('hex')
  const taken = new Set<string>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${String(req.headers['x-answer-timestamp'])}.${body}`).digest('hex')}`)
      const given = Buffer.from(String(req.headers['x-answer-signature'] ?? ''))
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        log.warn({ url: req.url }, 'demo answer receiver: refused an answer with a bad signature')
        res.writeHead(401).end()
        return
      }
      const key = String(req.headers['idempotency-key'])
      if (!taken.has(key)) {
        taken.add(key)
        const { caseCode, channel, ticket, event } = JSON.parse(body) as Record<string, string>
        log.info({ caseCode, channel, ticket, event }, 'demo answer receiver: answer taken')
      }
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  for (const channel of CHANNELS) {
    await db.query(
      `INSERT INTO answer_endpoints (channel, url, secret) VALUES ($1, $2, $3)
       ON CONFLICT (channel) DO UPDATE SET url = excluded.url, secret = excluded.secret, enabled = true`,
      [channel, `http://127.0.0.1:${port}/answers/${channel}`, secret])
  }
  return () => new Promise((resolve) => server.close(() => resolve()))
}
