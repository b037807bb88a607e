import { Deck, MapView } from '@deck.gl/core'
import { ScatterplotLayer } from '@deck.gl/layers'
import { io } from 'socket.io-client'
import { type CameraView, type CaseSummary, type Change, type LiveSnapshot, PROTOCOL_VERSION } from '../../contract'
import { OVERLAY_DEVICE_PROPS } from '../../client/src/map/overlayContext'

/**
 * The baseline for the wall's frame time: deck.gl alone, no map, no React, drawing the same points
 * (cameras, open cases, patrol positions, rings round new reports) from the same stream, redrawn
 * every animation frame as the wall is while reports pulse. The bench hands it the snapshot, and
 * whether to draw on a context set up as the wall's overlay is (else deck.gl's own defaults), and the
 * wall display's API key its socket signs in with (the page is served from another origin).
 */
async function start(snapshot: LiveSnapshot, serverUrl: string, key: string, view: { longitude: number; latitude: number; zoom: number }, wallContext: boolean) {
  const cases = new Map(snapshot.cases.map((c) => [c.id, c]))
  const cameras = new Map(snapshot.cameras.map((c) => [c.id, c]))
  const patrols = new Map(snapshot.patrols.map((p) => [p.unitId, p.fixes.at(-1)!.location]))
  let version = 0
  const socket = io(serverUrl, { transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION, since: snapshot.seq, key } })
  socket.on('live:changes', (changes: Change[]) => {
    for (const c of changes) {
      if (c.entity === 'case') c.data.state === 'closed' ? cases.delete(c.data.id) : cases.set(c.data.id, c.data)
      else if (c.entity === 'camera') cameras.set(c.data.id, c.data)
      else if (c.entity === 'patrol') patrols.set(c.data.unitId, c.data.fixes.at(-1)!.location)
    }
    version++
  })
  const deck = new Deck({ views: new MapView(), initialViewState: { ...view, pitch: 0, bearing: 0 }, controller: false, useDevicePixels: 1,
    ...(wallContext ? { deviceProps: OVERLAY_DEVICE_PROPS } : {}),
  })
  const colour = (c: CameraView): [number, number, number, number] => (c.state === 'online' ? [130, 160, 190, 170] : [236, 64, 255, 255])
  // Arrays rebuilt only when the stream changed something, as a careful deck.gl page would.
  let built = -1
  let data = { cameras: [] as CameraView[], cases: [] as CaseSummary[], patrols: [] as [number, number][] }
  const frame = () => {
    const now = Date.now()
    if (built !== version) {
      data = { cameras: [...cameras.values()], cases: [...cases.values()], patrols: [...patrols.values()] }
      built = version
    }
    const fresh = data.cases.filter((c) => now - Date.parse(c.reportedAt) < 8000)
    deck.setProps({
      layers: [
        new ScatterplotLayer<CameraView>({ id: 'cameras', data: data.cameras, getPosition: (c) => c.location, getFillColor: colour, getRadius: 2, radiusUnits: 'pixels' }),
        new ScatterplotLayer<[number, number]>({ id: 'patrols', data: data.patrols, getPosition: (p) => p, getFillColor: [105, 240, 130, 255], getRadius: 4, radiusUnits: 'pixels' }),
        new ScatterplotLayer<CaseSummary>({ id: 'cases', data: data.cases, getPosition: (c) => c.location, getFillColor: [255, 179, 0, 240], getRadius: 4.5, radiusUnits: 'pixels' }),
        new ScatterplotLayer<CaseSummary>({
          id: 'pulses', data: fresh, getPosition: (c) => c.location, filled: false, stroked: true, radiusUnits: 'pixels', getLineWidth: 3, lineWidthUnits: 'pixels',
          getRadius: (c) => 6 + 30 * (((now - Date.parse(c.reportedAt)) % 1600) / 1600), getLineColor: [255, 179, 0, 200], updateTriggers: { getRadius: now },
        }),
      ],
    })
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
}

;(window as unknown as { startBare: typeof start }).startBare = start
