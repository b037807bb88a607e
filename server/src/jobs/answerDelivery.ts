import { createHmac } from 'node:crypto'
import type { Clock } from '../clock'
import type { Db } from '../db/Db'
import { StoreUnavailable } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import type { Logger } from '../log'

const sql = sqlFiles(['claim_answers', 'answer_sent', 'answer_failed'])

/** The headers an answer (回告) is sent with, for the receiver to check. */
export const ANSWER_HEADERS = { key: 'idempotency-key', timestamp: 'x-answer-timestamp', signature: 'x-answer-signature' } as const

/**
 * `sha256=` and the hex HMAC-SHA256, under the channel's secret, of the timestamp, a dot and the body as sent:
 * the receiver recomputes it to know the answer is ours and unaltered, and refuses an old timestamp as a replay.
 */
export function answerSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

export type DeliveryOptions = {
  everyMs: number
  /** Answers taken per round. */
  batch: number
  /** How long a taken answer is left to its sender before another may try it (a sender that died mid-send). */
  leaseMs: number
  /** How long a receiver has to acknowledge. */
  timeoutMs: number
  /** The wait before attempt n + 1 after n failed ones. */
  backoffMs: (attempts: number) => number
  /** Attempts after which an answer is given up as failed (still on the case, for a person to follow up). */
  maxAttempts: number
}

export const DELIVERY_DEFAULTS: DeliveryOptions = {
  everyMs: 1000, batch: 20, leaseMs: 60_000, timeoutMs: 10_000, maxAttempts: 20,
  // 2 s, 4 s, 8 s … up to an hour between attempts: about a day of trying before giving up.
  backoffMs: (n) => Math.min(1000 * 2 ** n, 3_600_000),
}

type Claimed = { id: number; key: string; body: unknown; attempts: number; url: string; secret: string; caseId: number; channel: string; event: string }

/** Sends one answer; resolves with why it failed, or null once the receiver acknowledged it (any 2xx). */
async function send(a: Claimed, now: Date, timeoutMs: number): Promise<string | null> {
  const body = JSON.stringify(a.body)
  const timestamp = String(Math.floor(now.getTime() / 1000))
  try {
    const res = await fetch(a.url, {
      method: 'POST', body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error',
      headers: {
        'content-type': 'application/json', [ANSWER_HEADERS.key]: a.key, [ANSWER_HEADERS.timestamp]: timestamp,
        [ANSWER_HEADERS.signature]: answerSignature(a.secret, timestamp, body),
      },
    })
    await res.body?.cancel()
    return res.ok ? null : `HTTP ${res.status}`
  } catch (err) {
    return err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)
  }
}

/**
 * The answers' sender: takes due answers from the outbox (written in the same transaction as the step that
 * owes them, so none is lost and none sent for a step that did not commit), posts each to its channel's
 * endpoint, and records the outcome: delivered on a 2xx, else tried again after a backoff. Several senders
 * (processes) share the queue; a receiver may still see one answer twice (a lost acknowledgement) and takes it
 * once by its idempotency key. A delivery is a change for the stream (`committed` tells the hub). Returns `stop`, and
 * `round` to run one round now.
 */
export function startAnswerDelivery(db: Db, clock: Clock, log: Logger, committed: () => void, options: Partial<DeliveryOptions> = {}) {
  const o = { ...DELIVERY_DEFAULTS, ...options }
  let running: Promise<number> | null = null

  const once = async (): Promise<number> => {
    const now = clock.now()
    const claimed = await db.query<Claimed>(sql.claim_answers, [now, o.batch, new Date(now.getTime() + o.leaseMs)])
    await Promise.all(claimed.map(async (a) => {
      const failed = await send(a, now, o.timeoutMs)
      if (failed === null) {
        if ((await db.query(sql.answer_sent, [a.id, clock.now()])).length > 0) committed()
        log.info({ case: a.caseId, channel: a.channel, event: a.event, attempts: a.attempts }, 'answer delivered')
        return
      }
      const givenUp = a.attempts >= o.maxAttempts
      await db.query(sql.answer_failed, [a.id, failed.slice(0, 500), new Date(clock.now().getTime() + o.backoffMs(a.attempts)), givenUp])
      log.warn({ case: a.caseId, channel: a.channel, attempts: a.attempts, err: failed, givenUp }, givenUp ? 'answer given up' : 'answer not delivered: will retry')
    }))
    return claimed.length
  }

  const round = (): Promise<number> => {
    running ??= once()
      .catch((err: unknown) => {
        if (!(err instanceof StoreUnavailable)) log.error({ err }, 'answer delivery failed')
        return 0
      })
      .finally(() => (running = null))
    return running
  }

  const timer = setInterval(() => void round(), o.everyMs)
  timer.unref()
  return {
    round,
    async stop(): Promise<void> {
      clearInterval(timer)
      await running
    },
  }
}
export type AnswerDelivery = ReturnType<typeof startAnswerDelivery>
