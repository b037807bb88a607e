import { z } from 'zod'

/** Administrative level of a region: city → township/street → community/village. */
export const RegionLevel = z.enum(['city', 'township', 'community'])
export type RegionLevel = z.infer<typeof RegionLevel>

/** What a region is within its level: a street (街道) is a township-level unit of the town, a village (村) a community-level unit of a township. */
export const RegionKind = z.enum(['city', 'township', 'street', 'community', 'village'])
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

export const CaseSource = z.enum(['grid_worker', 'mini_program', 'hotline_12345', 'police_110', 'petition_office'])
export type CaseSource = z.infer<typeof CaseSource>

/** The level now handling a case, from the grid up to the city platform. */
export const CaseLevel = z.enum(['grid', 'community', 'township', 'city'])
export type CaseLevel = z.infer<typeof CaseLevel>

/**
 * What a case's history records: a step of the closed loop (事件闭环), in the order the source documents
 * give; `assign`, a duty leader naming the grid worker's post that takes the case (指派); or `regrid`, the
 * platform moving an open case to the grid that covers its point once an analyst's redrawn grids are
 * published (网格调整). The last two are beside the loop, never its steps.
 */
export const CaseStep = z.enum(['collect', 'verify', 'handle', 'report_up', 'route', 'supervise', 'feed_back', 'close', 'assign', 'regrid'])
export type CaseStep = z.infer<typeof CaseStep>

const BESIDE_THE_LOOP = ['assign', 'regrid'] as const

/** A step of the loop itself, what `POST /api/v1/cases/:id/steps` takes. */
export const LoopStep = CaseStep.exclude(BESIDE_THE_LOOP, {
  error: `must be a step of the loop: ${CaseStep.options.filter((s) => !(BESIDE_THE_LOOP as readonly string[]).includes(s)).join(', ')}`,
})
export type LoopStep = z.infer<typeof LoopStep>

/** A case's state is the last loop step that changed it (supervise leaves the state as it is). */
export const CaseState = z.enum(['collected', 'verified', 'handling', 'reported_up', 'routed', 'fed_back', 'closed'])
export type CaseState = z.infer<typeof CaseState>

export const Satisfaction = z.enum(['satisfied', 'basically_satisfied', 'unsatisfied'])
export type Satisfaction = z.infer<typeof Satisfaction>

/** Who took a step: a person's role or the platform itself (automatic escalation). */
export const ActorRole = z.enum(['citizen', 'grid_worker', 'community', 'township', 'city', 'department', 'duty_leader', 'platform'])
export type ActorRole = z.infer<typeof ActorRole>

/** The departments a township or the city summons and routes a case to (街道吹哨、部门报到). */
export const DEPARTMENTS = ['司法所', '派出所', '住建局', '人社局', '自然资源局', '交警大队', '市场监管局', '应急管理局', '消防救援大队', '信访局'] as const
export const Department = z.enum(DEPARTMENTS, { error: `must be one of ${DEPARTMENTS.join(', ')}` })
export type Department = z.infer<typeof Department>

/** A post in a grid: its grid leader 网格长, a full-time 专职 or a part-time 兼职 grid worker. */
export const WorkerRole = z.enum(['leader', 'fulltime', 'parttime'])
export type WorkerRole = z.infer<typeof WorkerRole>
