import { createStore, del, entries, promisifyRequest, update } from 'idb-keyval'
import type { CaseReport } from '../../../contract'

/** A photo of a queued report, as the phone took it: its metadata goes with it (the server keeps where it was taken, strips the rest). */
export type QueuedPhoto = {
  blob: Blob
  /**
   * `tried`: a send was begun and its answer is not known (the signal went); before sending it again the
   * case's photos are counted. `refused`: the server said no (type, size), with its reason in `refused`.
   */
  state: 'waiting' | 'tried' | 'sent' | 'refused'
  refused: string | null
}

/**
 * A report kept on the phone until the server has it: every report goes through here, online or not, so one
 * path sends it. `key` is its idempotency key (also its key in the store); `login` the account that made it,
 * whose session alone sends it; `case` the case it was filed as, once known.
 */
export type QueuedReport = {
  key: string
  login: string
  report: CaseReport
  madeAt: string
  photos: QueuedPhoto[]
  case: { id: number; code: string } | null
  /** `waiting`: to send; `refused`: the server will not take it (shown with `lastError` until dropped); `sent`: filed, photos and all. */
  state: 'waiting' | 'refused' | 'sent'
  attempts: number
  lastError: string | null
  sentAt: string | null
}

/** A sent report stays on the phone's list for a day, as a receipt with its case number. */
const RECEIPT_MS = 24 * 3_600_000

const store = createStore('gridgov-phone-outbox', 'reports')
const listeners = new Set<() => void>()
// Another tab of the page (or its sender) changed the queue.
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('gridgov-phone-outbox')
channel?.addEventListener('message', () => listeners.forEach((l) => l()))

function changed(): void {
  listeners.forEach((l) => l())
  channel?.postMessage('changed')
}

export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** Every report on the phone, oldest first; receipts older than a day are dropped on the way. */
export async function queued(): Promise<QueuedReport[]> {
  const all = (await entries<string, QueuedReport | undefined>(store)).flatMap(([, r]) => (r ? [r] : []))
  const old = all.filter((r) => r.state === 'sent' && Date.now() - Date.parse(r.sentAt ?? r.madeAt) > RECEIPT_MS)
  for (const r of old) await del(r.key, store)
  return all.filter((r) => !old.includes(r)).sort((a, b) => a.madeAt.localeCompare(b.madeAt))
}

export async function enqueue(report: QueuedReport): Promise<void> {
  await update<QueuedReport>(report.key, (had) => had ?? report, store)
  changed()
}

/** Changes one report in one transaction; the report as it now is (undefined when it is gone: it is not made again). */
export async function patchQueued(key: string, change: (r: QueuedReport) => QueuedReport): Promise<QueuedReport | undefined> {
  let after: QueuedReport | undefined
  await store('readwrite', (s) => new Promise<void>((resolve, reject) => {
    const read = s.get(key)
    read.onerror = () => reject(read.error)
    read.onsuccess = () => {
      const had = read.result as QueuedReport | undefined
      if (had) s.put((after = change(had)), key)
      resolve(promisifyRequest(s.transaction))
    }
  }))
  changed()
  return after
}

export async function dropQueued(key: string): Promise<void> {
  await del(key, store)
  changed()
}
