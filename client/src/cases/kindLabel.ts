import { type CaseSummary, labels } from '../../../contract'

/** A case's kind as people say it: 邻里纠纷, 消防隐患. */
export const kindLabel = (c: Pick<CaseSummary, 'category' | 'kind'>) =>
  (c.category === 'dispute' ? labels.disputeKind : labels.hazardKind)[c.kind as never] ?? c.kind
