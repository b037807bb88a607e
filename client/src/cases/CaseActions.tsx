import { useEffect, useMemo, useState } from 'react'
import type { AssignRequest, CaseDetail, EscalateRequest, GridProps, LoopStep, Me, StepRequest } from '../../../contract'
import { may, reachOf } from '../../../domain/access'
import { AssignForm, EscalateForm } from './BesideForms'
import { dispatchChoices, routeChoices } from './caseChoices'
import { StepForm, stepVerb } from './StepForm'
import { useDepartments } from './useDepartments'
import { useGridPosts } from './useGridPosts'

/** An action of the pane: the route under the case that takes it and the contract's request body (the pane adds the version seen). */
export type CaseAction =
  | { path: 'steps'; body: Omit<StepRequest, 'expectedVersion'> }
  | { path: 'escalate'; body: Omit<EscalateRequest, 'expectedVersion'> }
  | { path: 'assign'; body: Omit<AssignRequest, 'expectedVersion'> }
/** Sends an action; whether it succeeded (the pane shows the outcome either way). */
export type Send = (action: CaseAction) => Promise<boolean>

type Tab = LoopStep | 'escalate' | 'assign'

/**
 * What the reader may do with the case now, one tab each: the loop's next steps as the server lists them
 * (`detail.next`), then, beside the loop, escalating (duty leaders) and assigning to a post of its grid
 * (officers of a community or township, duty leaders). One form at a time; the first step's is open.
 */
export function CaseActions({ detail, me, grids, send }: { detail: CaseDetail; me: Me; grids: readonly GridProps[]; send: Send }) {
  const open = detail.state !== 'closed'
  const tabs: Tab[] = [
    ...(may(me.role, 'step') ? detail.next : []),
    ...(may(me.role, 'escalate') && open && detail.level !== 'city' ? ['escalate' as const] : []),
    ...(may(me.role, 'assign') && open ? ['assign' as const] : []),
  ]
  const [tab, setTab] = useState<Tab | undefined>(tabs[0])
  // The case moved on (this reader's step, another's): the tabs are what it allows now.
  useEffect(() => setTab(tabs[0]), [detail.version])
  const departments = useDepartments(detail.next.includes('route'))
  const posts = useGridPosts(detail.gridCode, tabs.includes('assign'))
  const routable = useMemo(() => (departments ? routeChoices(departments, detail) : null), [departments, detail])
  const dispatchable = useMemo(() => dispatchChoices(grids, detail, reachOf(me.scope, me.whole)), [grids, detail, me.scope, me.whole])
  if (tabs.length === 0) return null
  const shown = tab && tabs.includes(tab) ? tab : tabs[0]!

  const name = (t: Tab) => (t === 'escalate' ? '上移督办' : t === 'assign' ? '指派' : stepVerb(t, detail.actingFor))
  return (
    <section className="actions" aria-label="办理">
      <div className="step-tabs" role="tablist" aria-label="可办理的步骤" data-testid="step-tabs">
        {tabs.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={t === shown} data-step={t} onClick={() => setTab(t)}
            className={t === 'escalate' || t === 'assign' ? 'beside' : ''}>{name(t)}</button>
        ))}
      </div>
      <div role="tabpanel" aria-label={name(shown)}>
        {shown === 'escalate' ? <EscalateForm key={detail.version} detail={detail} send={(body) => send({ path: 'escalate', body })} />
          : shown === 'assign' ? <AssignForm key={detail.version} posts={posts} send={(body) => send({ path: 'assign', body })} />
          : <StepForm key={`${shown}-${detail.version}`} step={shown} detail={detail} departments={routable} grids={dispatchable} send={(body) => send({ path: 'steps', body })} />}
      </div>
    </section>
  )
}
