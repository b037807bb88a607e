import sharp from 'sharp'
import { z } from 'zod'
import { type CaseReport, CaseSummary, IntakeResult, SearchResult, type SeatChannel } from '../../contract'
import { GIVEN_NAME_CHARS, SURNAMES } from '../city/anda'
import type { Rng } from '../city/rng'

/** How the simulator reaches the server: JSON to the API with its service key, and the raw request for the rest. */
export type Api = <T>(path: string, schema: z.ZodType<T>, body?: unknown, headers?: Record<string, string>) => Promise<T>
export type Raw = (path: string, init: RequestInit) => Promise<Response>

/** Each ticketed channel's prefix on its ticket numbers, as the outside systems write theirs. */
const TICKET_PREFIX: Record<SeatChannel | 'mini_program', string> = {
  hotline_12345: 'RX12345', police_110: 'JJ110', petition_office: 'XF', walk_in: 'LF', mini_program: 'XCX',
}

/** A grid worker's share of reports that carry a photo from the scene. */
const PHOTO_SHARE = 0.2

const callerName = (rng: Rng) => `${rng.pick(SURNAMES)}${rng.chance(0.5) ? '女士' : '先生'}`
const phone = (rng: Rng) => `1${rng.pick(['3', '5', '8'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`

/**
 * A ticket as the channel's system would number it: its prefix, the day, and a part that stays unique across
 * restarts of the simulator (a run's start and a counter).
 */
function ticketMaker(rng: Rng) {
  const run = Date.now().toString(36).toUpperCase()
  let n = rng.int(0, 1000)
  return (channel: keyof typeof TICKET_PREFIX) => {
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '')
    return `${TICKET_PREFIX[channel]}-${day}-${run}-${++n}`
  }
}

/** A small photo from the scene with where the phone was in its EXIF, as a phone's camera writes it. */
async function scenePhoto(rng: Rng, [lon, lat]: [number, number]): Promise<Buffer> {
  const dms = (v: number) => {
    const d = Math.floor(v)
    const m = Math.floor((v - d) * 60)
    return `${d}/1 ${m}/1 ${Math.round(((v - d) * 60 - m) * 60 * 100)}/100`
  }
  const shade = `#${rng.int(0x202020, 0xa0a0a0).toString(16).padStart(6, '0')}`
  return sharp({ create: { width: 640, height: 480, channels: 3, background: shade } }).jpeg({ quality: 70 }).withExif({
    IFD0: { Make: 'SimPhone', Model: 'S1' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: dms(lat), GPSLongitudeRef: 'E', GPSLongitude: dms(lon) },
  }).toBuffer()
}

/**
 * Files a simulated report by the channel it came in by, as each outside party would: a grid worker's from the
 * phone (an idempotency key, and now and then a photo), a call, an alert, a petition or a visitor at the seat's
 * intake with the channel's ticket and the caller, the mini-program's through Open311 with its own key (when
 * the demo gave one; else through the API as before). Returns the case as the stream carries it.
 */
export function channelFiler(rng: Rng, api: Api, raw: Raw, open311Key: string | null) {
  const ticket = ticketMaker(rng)
  return async (report: CaseReport & { description: string }): Promise<CaseSummary> => {
    const { source } = report
    if (source === 'grid_worker') {
      const key = `sim-${Date.now().toString(36)}-${rng.int(0, 2 ** 30).toString(36)}`
      const c = await api('/api/v1/cases', CaseSummary, report, { 'idempotency-key': key })
      if (rng.chance(PHOTO_SHARE)) {
        const res = await raw(`/api/v1/cases/${c.id}/photos`, { method: 'POST', body: new Uint8Array(await scenePhoto(rng, report.location)), headers: { 'content-type': 'image/jpeg' } })
        if (!res.ok) throw new Error(`photo of case ${c.id}: ${res.status} ${await res.text()}`)
      }
      return c
    }
    if (source === 'mini_program') {
      if (!open311Key) return api('/api/v1/cases', CaseSummary, report)
      const form = new URLSearchParams({
        api_key: open311Key, service_code: report.kind, long: String(report.location[0]), lat: String(report.location[1]),
        description: report.description, last_name: rng.pick(SURNAMES), first_name: rng.pick([...GIVEN_NAME_CHARS]), phone: phone(rng),
        'attribute[ticket]': ticket('mini_program'),
      })
      const res = await raw('/open311/v2/requests.json', { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      if (!res.ok) throw new Error(`open311: ${res.status} ${await res.text()}`)
      const [created] = z.array(z.object({ service_notice: z.string() })).parse(await res.json())
      const found = await api(`/api/v1/search?q=${created!.service_notice}`, SearchResult)
      return found.cases[0]!.case
    }
    const filed = await api('/api/v1/intake', IntakeResult, {
      channel: source, ...(source === 'walk_in' ? {} : { ticket: ticket(source) }), category: report.category, kind: report.kind,
      location: report.location, description: report.description, caller: { name: callerName(rng), phone: phone(rng) },
    })
    return filed.case
  }
}
