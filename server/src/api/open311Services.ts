import {
  type CaseCategory, DisputeKind, labels, OPEN311_SERVICE_TEXT, type Open311Service, type Open311ServiceDefinition,
  ServiceCode, TICKET_ATTRIBUTE, TICKETED, Open311Channel,
} from '../../../contract'

/** The category a kind belongs to. */
export const categoryOf = (code: ServiceCode): CaseCategory => ((DisputeKind.options as readonly string[]).includes(code) ? 'dispute' : 'hazard')

/** The kind's name as the screens show it, e.g. `邻里纠纷`. */
export const serviceName = (code: string): string =>
  (labels.disputeKind as Record<string, string>)[code] ?? (labels.hazardKind as Record<string, string>)[code] ?? code

/** Whether `code` names a service, i.e. a kind of case. */
export const isServiceCode = (code: string): code is ServiceCode => ServiceCode.safeParse(code).success

/** `GET services`: one service per kind of case, disputes then hazards, each in its category's group. */
export const OPEN311_SERVICES: readonly Open311Service[] = ServiceCode.options.map((code) => ({
  service_code: code,
  service_name: serviceName(code),
  description: OPEN311_SERVICE_TEXT[code].description,
  metadata: true,
  type: 'realtime',
  keywords: OPEN311_SERVICE_TEXT[code].keywords,
  group: labels.caseCategory[categoryOf(code)],
}))

/**
 * Every channel an outside system files by carries its own ticket number (contract/intake.ts `TICKETED`), so the
 * ticket is required of every request; should a channel without tickets become an Open311 one, it turns optional here.
 */
const TICKET_REQUIRED = Open311Channel.options.every((c) => TICKETED.includes(c))

/** `GET services/{code}`: what a request of the service carries besides the specification's own fields. */
export const serviceDefinition = (code: ServiceCode): Open311ServiceDefinition => ({
  service_code: code,
  attributes: [{
    variable: true,
    code: TICKET_ATTRIBUTE,
    datatype: 'string',
    required: TICKET_REQUIRED,
    datatype_description: '1–40 位字母、数字、- 或 _，如 12345-20261205-0042',
    order: 1,
    description: '来件系统自己的工单号（12345热线工单号、小程序事件编号等），同一渠道内不可重复',
    values: [],
  }],
})
