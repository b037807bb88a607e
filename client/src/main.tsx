import '@fontsource/noto-sans-sc/400.css'
import '@fontsource/noto-sans-sc/700.css'
import 'maplibre-gl/dist/maplibre-gl.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Drill } from './drill/Drill'
import { drillTarget } from './drill/drillRoute'
import { Editor } from './editor/Editor'
import { snapshotRead } from './live/useLive'
import { cityRead } from './map/loadCity'
import { prewarmMap } from './map/MapView'
import { Wall } from './wall/Wall'
import { wallConfig } from './wall/wallConfig'

/** One screen per address: `/` and `/wall` (the kiosk) are the operators' wall; `/drill…` the duty leaders' drill-down; `/editor` the analysts' grid editor. */
function Screen() {
  const { pathname, search } = window.location
  if (pathname === '/' || /^\/wall\/?$/.test(pathname)) return <Wall config={wallConfig(pathname, search)} />
  const drill = drillTarget(pathname)
  if (drill !== undefined) return <Drill initial={drill} />
  if (/^\/editor\/?$/.test(pathname)) {
    const community = new URLSearchParams(search).get('community')
    return <Editor initialCommunity={community && /^\d{12}$/.test(community) ? community : null} />
  }
  return (
    <main className="not-found" role="alert">
      <h1>没有这个页面</h1>
      <p><a href="/wall">指挥大屏 /wall</a> · <a href="/drill">值班研判 /drill</a> · <a href="/editor">网格编辑 /editor</a></p>
    </main>
  )
}

// A screen's first reads start now, not from its effects (the server preloads the same ones), and so
// does the map's worker: every screen but the not-found page draws the city, and the wall follows the
// live city.
const { pathname } = window.location
if (/^\/(wall\/?|drill(\/.*)?|editor\/?)?$/.test(pathname)) {
  cityRead.start()
  prewarmMap()
}
if (/^\/(wall\/?)?$/.test(pathname)) snapshotRead.start()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Screen />
  </StrictMode>,
)
