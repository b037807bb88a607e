import '@fontsource/noto-sans-sc/400.css'
import '@fontsource/noto-sans-sc/700.css'
import 'maplibre-gl/dist/maplibre-gl.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Admin } from './admin/Admin'
import { Desk } from './desk/Desk'
import { Drill } from './drill/Drill'
import { drillTarget } from './drill/drillRoute'
import { Editor } from './editor/Editor'
import { Intake } from './intake/Intake'
import { snapshotRead } from './live/useLive'
import { cityRead } from './map/loadCity'
import { prewarmMap } from './map/MapView'
import { wideStore } from './map/wideStore'
import { Ranking } from './ranking/Ranking'
import { CaseFile, caseFileId } from './report/CaseFile'
import { Report } from './report/Report'
import { SignedIn } from './session/SignedIn'
import { pageTitle } from './session/pageTitle'
import { SignInScreen } from './session/SignInScreen'
import { Wall } from './wall/Wall'
import { areaParam, wallConfig } from './wall/wallConfig'

const { pathname, search } = window.location
const isWall = pathname === '/' || /^\/wall\/?$/.test(pathname)
/** A wall display started at `/wall?key=…` (its kiosk's address): the key is traded for a session first. */
const kioskKey = isWall ? new URLSearchParams(search).get('key') : null

/**
 * One screen per address, each behind the sign-in page: `/` and `/wall` (the kiosk) are the operators' wall;
 * `/drill…` the desks' drill-down; `/desk` the work of any level or department; `/intake` the seats taking calls, alerts, petitions and visitors;
 * `/editor` the analysts' grid editor; `/admin` accounts and the audit log; `/report` the monthly or quarterly
 * report and `/print/case/:id` a case's file (交办单/督办单), both laid out for printing on A4;
 * `/signin` the sign-in page itself.
 */
function Screen() {
  if (/^\/signin\/?$/.test(pathname)) return <SignInScreen />
  if (isWall) return <SignedIn kioskKey={kioskKey}>{(me) => <Wall config={wallConfig(pathname, search)} me={me} />}</SignedIn>
  const drill = drillTarget(pathname)
  if (drill !== undefined) return <SignedIn>{(me) => <Drill initial={drill} me={me} />}</SignedIn>
  if (/^\/desk\/?$/.test(pathname)) return <SignedIn>{(me) => <Desk me={me} />}</SignedIn>
  if (/^\/intake\/?$/.test(pathname)) return <SignedIn>{(me) => <Intake me={me} />}</SignedIn>
  if (/^\/ranking\/?$/.test(pathname)) return <SignedIn>{(me) => <Ranking me={me} />}</SignedIn>
  if (/^\/editor\/?$/.test(pathname)) {
    const community = new URLSearchParams(search).get('community')
    return <SignedIn>{(me) => <Editor initialCommunity={community && /^\d{12}$/.test(community) ? community : null} me={me} />}</SignedIn>
  }
  if (/^\/admin\/?$/.test(pathname)) return <SignedIn>{(me) => <Admin me={me} />}</SignedIn>
  if (/^\/report\/?$/.test(pathname)) return <SignedIn>{(me) => <Report me={me} />}</SignedIn>
  const caseFile = caseFileId(pathname)
  if (caseFile !== null) return <SignedIn>{(me) => <CaseFile id={caseFile} me={me} />}</SignedIn>
  return (
    <main className="not-found" role="alert">
      <h1>没有这个页面</h1>
      <p><a href="/wall">指挥大屏 /wall</a> · <a href="/drill">值班研判 /drill</a> · <a href="/desk">工作台 /desk</a> · <a href="/intake">受理席 /intake</a> · <a href="/editor">网格编辑 /editor</a> · <a href="/admin">账号管理 /admin</a> · <a href="/report">综治工作报表 /report</a></p>
    </main>
  )
}

const title = pageTitle(pathname)
if (title) document.title = title

// A screen's first reads start now, not from its effects (the server preloads the same ones), and so
// does the map's worker: every map screen draws the city, and the wall follows the live city. Not for a
// kiosk that has yet to trade its key: it loads again once signed in. A wall of an area (`?area=`) reads only
// that area's, or draws it from tiles: the whole store's GeoJSON is not for it. Nor in a province's store
// (the server names its top level), where what a screen reads depends on the account's area.
const wide = wideStore()
if (!kioskKey && /^\/(wall\/?|drill(\/.*)?|desk\/?|intake\/?|editor\/?)?$/.test(pathname)) {
  if (!(isWall && areaParam(search)) && !wide) cityRead.start()
  prewarmMap()
}
if (!kioskKey && isWall && !wide) snapshotRead.start()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Screen />
  </StrictMode>,
)
