import { CaseSource, DisputeKind, type Figures, HazardKind, MediationKind } from '../../../contract'

const KINDS: readonly string[] = [...DisputeKind.options, ...HazardKind.options]
const zh = (a: string, b: string) => a.localeCompare(b, 'zh')
const byList = <R>(list: readonly string[], of: (r: R) => string) => (a: R, b: R) => list.indexOf(of(a)) - list.indexOf(of(b))

/**
 * The split rows in the order a report reads them, the same every time it is made: channels, kinds and
 * mediation kinds in the contract's order (disputes before hazards), departments and mediation bodies by
 * how many they received, then by name. The store returns groups in no set order.
 */
export const inReportOrder = (f: Figures): Figures => ({
  ...f,
  byChannel: f.byChannel.toSorted(byList(CaseSource.options, (r) => r.channel)),
  byKind: f.byKind.toSorted(byList(KINDS, (r) => r.kind)),
  byDepartment: f.byDepartment.toSorted((a, b) => b.measures.received - a.measures.received || zh(a.department, b.department)),
  mediationByBody: f.mediationByBody.toSorted((a, b) => b.measures.referred - a.measures.referred || zh(a.name, b.name)),
  mediationByKind: f.mediationByKind.toSorted(byList(MediationKind.options, (r) => r.kind)),
})
