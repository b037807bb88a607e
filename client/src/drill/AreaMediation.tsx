import { Fragment } from 'react'
import { type AreaProfile, labels, type MediationField } from '../../../contract'
import type { BodiesStatus } from '../cases/useMediationBodies'
import { count } from '../ui/format'
import './areaMediation.css'

/**
 * Who a dispute of the area can be sent to: its people's mediation committee (人民调解委员会; a grid's is its
 * community's), the township's above a grid or the communities' below a township, and the specialised
 * committees serving it by field. The map marks each with the ring beside the title. `bodies`: the list of
 * those serving the area, null while it is read.
 */
export function AreaMediation({ profile, bodies }: { profile: AreaProfile; bodies: BodiesStatus | null }) {
  const r = profile.responsible
  const list = bodies?.kind === 'ready' ? bodies.bodies : null
  const township = profile.level === 'grid' ? list?.find((b) => b.kind === 'township' && b.areaCode === profile.parents[1]?.code) : undefined
  const communities = profile.level === 'township' ? list?.filter((b) => b.kind === 'community').length : undefined
  const byField = new Map<MediationField, number>()
  for (const b of list ?? []) if (b.field) byField.set(b.field, (byField.get(b.field) ?? 0) + 1)
  const fields = [...byField].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  return (
    <section className="area-mediation" data-testid="area-mediation" aria-labelledby="area-mediation-title">
      <h2 id="area-mediation-title"><i className="mediation-mark" aria-hidden="true" />调解组织</h2>
      <dl>
        <dt>{labels.mediationBodyKind[profile.level === 'grid' ? 'community' : 'township']}</dt>
        <dd data-testid="committee">{r.mediationCommittee ?? '未登记'}</dd>
        {township && <><dt>{labels.mediationBodyKind.township}</dt><dd>{township.name}</dd></>}
        {communities !== undefined && <><dt>{labels.mediationBodyKind.community}</dt><dd><span data-testid="community-committees">{count(communities)}</span> 个</dd></>}
        <dt>{labels.mediationBodyKind.specialised}</dt>
        <dd>
          <span data-testid="specialised-count">{count(r.specialisedCommittees)}</span> 个
          {fields.length > 0 && (
            <span className="fields" data-testid="specialised-fields">
              （{fields.map(([f, n], i) => <Fragment key={f}>{i > 0 && ' · '}<span>{labels.mediationField[f]} {n}</span></Fragment>)}）
            </span>
          )}
        </dd>
      </dl>
      {bodies?.kind === 'failed' && <p className="warn">调解组织名单读取失败：{bodies.message}</p>}
    </section>
  )
}
