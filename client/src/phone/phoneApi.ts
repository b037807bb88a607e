import { CasePhotos, type CaseReport, CaseSummary, IDEMPOTENCY_HEADER, Me, PhotoInfo } from '../../../contract'
import { fetchJson } from '../api/fetchJson'
import { setCsrfToken } from '../api/sessionSignal'
import { dropQueued, patchQueued, queued } from './outbox'
import type { OutboxApi, OutboxStore } from './sendOutbox'

/** The server as the phone's sender calls it, with the session cookie and its CSRF token (fetchJson). */
export const phoneApi: OutboxApi = {
  async me() {
    const me = await fetchJson('/api/v1/me', Me)
    setCsrfToken(me.csrfToken ?? null)
    return me
  },
  file: (report: CaseReport, key: string) => fetchJson('/api/v1/cases', CaseSummary, {
    method: 'POST', body: JSON.stringify(report), headers: { 'Content-Type': 'application/json', [IDEMPOTENCY_HEADER]: key },
  }),
  photos: (caseId: number) => fetchJson(`/api/v1/cases/${caseId}/photos`, CasePhotos),
  addPhoto: (caseId: number, photo: Blob, key: string) => fetchJson(`/api/v1/cases/${caseId}/photos`, PhotoInfo, {
    method: 'POST', body: photo, headers: { 'Content-Type': photo.type, [IDEMPOTENCY_HEADER]: key },
  }),
}

export const phoneStore: OutboxStore & { drop: (key: string) => Promise<void> } = { queued, patch: patchQueued, drop: dropQueued }
