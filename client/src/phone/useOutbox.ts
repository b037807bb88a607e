import { useCallback, useEffect, useRef, useState } from 'react'
import { onOutboxChange, type QueuedReport, queued } from './outbox'
import { phoneApi, phoneStore } from './phoneApi'
import { type SendOutcome, sendOutbox } from './sendOutbox'

/** How often the sender tries again while reports wait: a phone may say it is online with no signal. */
const RETRY_MS = 15_000

export type Outbox = {
  /** This account's reports on the phone, oldest first: waiting, refused, and the day's receipts. */
  reports: QueuedReport[]
  /** The report being sent now. */
  sending: string | null
  /** Sends what waits now (after a new report; the sender runs by itself as well). */
  send: () => void
  drop: (key: string) => Promise<void>
}

/**
 * One run at a time in this page, and once more at its end when asked meanwhile (a report made while another
 * was being sent); `navigator.locks` keeps two tabs of the page from sending at once.
 */
let running: Promise<SendOutcome> | null = null
let again = false
function runOnce(onProgress: (key: string | null) => void): Promise<SendOutcome> {
  if (running) {
    again = true
    return running
  }
  const run = () => sendOutbox(phoneApi, phoneStore, onProgress)
  const locked = () => (navigator.locks
    ? navigator.locks.request('gridgov-phone-outbox', { ifAvailable: true }, (lock) => (lock ? run() : 'later' as const))
    : run())
  running = (async () => {
    let outcome: SendOutcome
    do {
      again = false
      outcome = await locked()
    } while (again && outcome === 'done')
    return outcome
  })().finally(() => void (running = null))
  return running
}

/**
 * The phone's queue of reports for `login`, and its sender: it runs when the page opens, when the phone says it
 * is online again, when the page is looked at again, after every new report, and every few seconds while
 * reports wait, until the server has them.
 */
export function useOutbox(login: string, onSent: () => void): Outbox {
  const [reports, setReports] = useState<QueuedReport[]>([])
  const [sending, setSending] = useState<string | null>(null)
  const sent = useRef(onSent)
  sent.current = onSent

  const read = useCallback(async () => {
    const all = await queued()
    setReports(all.filter((r) => r.login === login))
    return all
  }, [login])

  const send = useCallback(() => {
    void runOnce(setSending).then(async (outcome) => {
      await read()
      if (outcome === 'done') sent.current()
    })
  }, [read])

  useEffect(() => {
    void read().then((all) => all.some((r) => r.state === 'waiting') && send())
    const off = onOutboxChange(() => void read())
    const again = () => document.visibilityState === 'visible' && send()
    window.addEventListener('online', again)
    document.addEventListener('visibilitychange', again)
    return () => {
      off()
      window.removeEventListener('online', again)
      document.removeEventListener('visibilitychange', again)
    }
  }, [read, send])

  const waiting = reports.some((r) => r.state === 'waiting')
  useEffect(() => {
    if (!waiting) return
    const timer = setInterval(send, RETRY_MS)
    return () => clearInterval(timer)
  }, [waiting, send])

  return { reports, sending, send, drop: phoneStore.drop }
}
