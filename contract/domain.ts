import { z } from 'zod'

/**
 * Administrative level of a region, as the national hierarchy: province → prefecture (市/州) → county
 * (县/县级市/区) → township/street → community/village. A store's tree may start at any level: the demo is one
 * county-level city (安达市), a province seed starts at the province.
 */
export const RegionLevel = z.enum(['province', 'prefecture', 'county', 'township', 'community'])
export type RegionLevel = z.infer<typeof RegionLevel>

/**
 * What a region is within its level: a prefecture-level or county-level city (市), an autonomous prefecture
 * (州), a county (县) or district (区); a street (街道) is a township-level unit of a town, a village (村) a
 * community-level unit of a township.
 */
export const RegionKind = z.enum(['province', 'prefecture', 'city', 'county', 'district', 'township', 'street', 'community', 'village'])
export type RegionKind = z.infer<typeof RegionKind>

export const GridKind = z.enum(['urban', 'rural'])
export type GridKind = z.infer<typeof GridKind>

export const CameraClass = z.enum(['A', 'B', 'C'])
export type CameraClass = z.infer<typeof CameraClass>

export const CaptureKind = z.enum(['video', 'face', 'vehicle'])
export type CaptureKind = z.infer<typeof CaptureKind>

export const CameraSite = z.enum(['junction', 'road', 'station', 'government', 'school', 'hospital', 'company', 'market', 'shop', 'estate'])
export type CameraSite = z.infer<typeof CameraSite>

export const CameraState = z.enum(['online', 'offline', 'faulty'])
export type CameraState = z.infer<typeof CameraState>

export const PatrolKind = z.enum(['police', 'auxiliary', 'volunteer', 'grid_worker'])
export type PatrolKind = z.infer<typeof PatrolKind>

export const CaseCategory = z.enum(['dispute', 'hazard'])
export type CaseCategory = z.infer<typeof CaseCategory>

export const DisputeKind = z.enum(['family', 'neighbour', 'labour', 'property_mgmt', 'land', 'traffic', 'financial', 'petition'])
export type DisputeKind = z.infer<typeof DisputeKind>

export const HazardKind = z.enum(['fire', 'building', 'gas', 'electric', 'road', 'flood'])
export type HazardKind = z.infer<typeof HazardKind>

export const CaseSource = z.enum(['grid_worker', 'mini_program', 'hotline_12345', 'police_110', 'petition_office', 'walk_in'])
export type CaseSource = z.infer<typeof CaseSource>

/** The level now handling a case, from the grid up to the city platform. */
export const CaseLevel = z.enum(['grid', 'community', 'township', 'city'])
export type CaseLevel = z.infer<typeof CaseLevel>

/**
 * What a case's history records: a step of the closed loop (事件闭环), in the order the source documents
 * give, with the hands every level needs: `sign_for` (签收; a department's is its 报到), `send_back` (退回) to
 * whoever sent it, `dispatch` (派单) to a grid, `check` (审核) of a department's result by whoever routed it,
 * `answer` (答复) to the reporter and `follow_up` (回访) after closing. Beside the loop, never its steps:
 * `assign`, naming the grid worker's post that takes the case (指派); and `regrid`, the platform moving an
 * open case to the grid that covers its point once an analyst's redrawn grids are published (网格调整);
 * and `merge`, a seat adding another report of the same matter to an open case (并案); and a dispute's
 * mediation: `mediate`, referred to a mediation body (移交调解), `mediation_result` (调解结果) and
 * `judicial_confirmation`, a court confirming the agreement (司法确认); and `acknowledge`, a seat of the centre or a
 * duty leader confirming that an urgent hazard's alarm was received (确认收到), which takes it off the wall's cards.
 */
export const CaseStep = z.enum([
  'collect', 'sign_for', 'verify', 'handle', 'report_up', 'dispatch', 'route', 'send_back', 'supervise', 'feed_back', 'check', 'answer', 'close',
  'follow_up', 'assign', 'regrid', 'merge', 'mediate', 'mediation_result', 'judicial_confirmation', 'acknowledge',
])
export type CaseStep = z.infer<typeof CaseStep>

const BESIDE_THE_LOOP = ['assign', 'regrid', 'merge', 'mediate', 'mediation_result', 'judicial_confirmation', 'acknowledge'] as const

/** A step of the loop itself, what `POST /api/v1/cases/:id/steps` takes. */
export const LoopStep = CaseStep.exclude(BESIDE_THE_LOOP, {
  error: `must be a step of the loop: ${CaseStep.options.filter((s) => !(BESIDE_THE_LOOP as readonly string[]).includes(s)).join(', ')}`,
})
export type LoopStep = z.infer<typeof LoopStep>

/**
 * A case's state is the last loop step that changed it (supervise, sign-for and answer leave it as it is):
 * `returned`, sent back to the level that sent it, which must send it on again; `checked`, a department's
 * result accepted by whoever routed it; `reopened`, a dissatisfied follow-up gave it back to the level that closed it.
 */
export const CaseState = z.enum(['collected', 'verified', 'handling', 'reported_up', 'routed', 'returned', 'fed_back', 'checked', 'closed', 'reopened'])
export type CaseState = z.infer<typeof CaseState>

/** The reporter's satisfaction as recorded on closing; `not_visited` (未回访) when nobody could be asked. */
export const Satisfaction = z.enum(['satisfied', 'basically_satisfied', 'unsatisfied', 'not_visited'])
export type Satisfaction = z.infer<typeof Satisfaction>

/** Why a case was sent back (退回): it lies in another grid, belongs to another department, or is no governance matter. */
export const SendBackReason = z.enum(['wrong_grid', 'wrong_department', 'not_governance', 'other'])
export type SendBackReason = z.infer<typeof SendBackReason>

/** How the reporter was told the result (答复). */
export const AnswerChannel = z.enum(['phone', 'sms', 'in_person', 'mini_program', 'letter'])
export type AnswerChannel = z.infer<typeof AnswerChannel>

/** Who holds a case and answers to its clocks: a level, or the departments it was routed to. */
export const Holder = z.enum(['grid', 'community', 'township', 'city', 'department'])
export type Holder = z.infer<typeof Holder>

/** Who took a step: a person's role or the platform itself (automatic escalation). */
export const ActorRole = z.enum(['citizen', 'grid_worker', 'community', 'township', 'city', 'department', 'duty_leader', 'platform'])
export type ActorRole = z.infer<typeof ActorRole>

/** What a department's name is made of; its live room's name too. */
export const DEPARTMENT_NAME = /^[\p{Script=Han}A-Za-z0-9（）()·]{2,40}$/u

/**
 * A department a township or the city summons and routes a case to (街道吹哨、部门报到), by its name, e.g.
 * `新兴街道司法所` or `安达市住房和城乡建设局`. Departments are data (`GET /api/v1/departments`): the server
 * checks the name against them.
 */
export const Department = z.string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') })
  .trim().regex(DEPARTMENT_NAME, 'must be a department name: 2 to 40 Chinese characters, letters, digits or brackets')
export type Department = z.infer<typeof Department>

/** A township office (司法所, 派出所 of one township) or a city bureau (住建局, 应急管理局 …). */
export const DepartmentLevel = z.enum(['township', 'city'])
export type DepartmentLevel = z.infer<typeof DepartmentLevel>

/** A post in a grid: its grid leader 网格长, a full-time 专职 or a part-time 兼职 grid worker. */
export const WorkerRole = z.enum(['leader', 'fulltime', 'parttime'])
export type WorkerRole = z.infer<typeof WorkerRole>
