import { z } from 'zod'
import {
  type CreateDraftRequest, Draft, DraftCheck, DraftDiff, DraftEdit, type DraftFeatures, DraftNeighbours, DraftSummary, type MergeRequest, NextGridCode,
  type PublishRequest, PublishResult, type ReplaceDraftRequest, type SplitRequest,
} from '../../../contract'
import { fetchJson, postJson, putJson } from '../api/fetchJson'

/** The draft routes as the editor calls them (signed in by the session; writes carry its CSRF token), each parsed with its contract schema. */
export function draftApi() {
  return {
    openDraftOf: async (community: string) =>
      (await fetchJson(`/api/v1/drafts?community=${community}&status=open`, z.array(DraftSummary)))[0] ?? null,
    get: (id: number) => fetchJson(`/api/v1/drafts/${id}`, Draft),
    create: (community: string) => postJson('/api/v1/drafts', { community } satisfies CreateDraftRequest, Draft),
    replace: (d: Draft, features: DraftFeatures) => putJson(`/api/v1/drafts/${d.id}`, { features, expectedVersion: d.version } satisfies ReplaceDraftRequest, Draft),
    split: (d: Draft, code: string, line: [number, number][]) => postJson(`/api/v1/drafts/${d.id}/split`, { code, line, expectedVersion: d.version } satisfies SplitRequest, DraftEdit),
    merge: (d: Draft, codes: [string, string]) => postJson(`/api/v1/drafts/${d.id}/merge`, { codes, expectedVersion: d.version } satisfies MergeRequest, DraftEdit),
    check: (d: Draft) => fetchJson(`/api/v1/drafts/${d.id}/check`, DraftCheck),
    neighbours: (d: Draft) => fetchJson(`/api/v1/drafts/${d.id}/neighbours`, DraftNeighbours),
    nextCode: (d: Draft) => fetchJson(`/api/v1/drafts/${d.id}/next-code`, NextGridCode),
    diff: (d: Draft) => fetchJson(`/api/v1/drafts/${d.id}/diff`, DraftDiff),
    publish: (d: Draft, note: string) => postJson(`/api/v1/drafts/${d.id}/publish`, { expectedVersion: d.version, note } satisfies PublishRequest, PublishResult),
    importFile: (community: string, file: File) => fetchJson(`/api/v1/drafts/import?community=${community}`, Draft, {
      method: 'POST', body: file, headers: { 'Content-Type': file.name.endsWith('.zip') ? 'application/zip' : 'application/json' },
    }),
  }
}
export type DraftApi = ReturnType<typeof draftApi>
