import { CasePhotos, type CaseSummary, type Me, photoPath } from '../../../contract'
import { CasePane } from '../cases/CasePane'
import { useKeptRead } from './useKeptRead'

/**
 * One case of the grid on the phone: the desk's own case pane (facts, what the worker may do now, the history),
 * under the photos taken for it. Steps need the signal: they name the version the worker saw, and only the
 * server can say whether someone acted first.
 */
export function PhoneCase({ id, version, me, offline, onActed, back }: {
  id: number; version: number | undefined; me: Me; offline: boolean; onActed: (after: CaseSummary) => void; back: () => void
}) {
  const { read } = useKeptRead(`/api/v1/cases/${id}/photos`, CasePhotos)
  const photos = read.kind === 'ready' ? read.value.photos : []
  return (
    <div className="phone-case" data-testid="phone-case">
      <button type="button" className="back" onClick={back}>‹ 返回列表</button>
      {offline && <p className="stale-note">离线 · 案件办理需联网</p>}
      {photos.length > 0 && (
        <div className="case-photos" data-testid="case-photos">
          {photos.map((p) => (
            <a key={p.id} href={photoPath(id, p.id)} target="_blank" rel="noreferrer">
              <img src={photoPath(id, p.id, true)} alt={`现场照片 ${p.id}`} loading="lazy" />
            </a>
          ))}
        </div>
      )}
      <CasePane id={id} version={version} me={me} grids={[]} onActed={onActed} />
    </div>
  )
}
