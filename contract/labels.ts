import type { Role } from './auth'
import type {
  ActorRole, AnswerChannel, CameraClass, CameraState, CaptureKind, CaseCategory, CaseLevel, CaseSource, CaseState, CaseStep, DepartmentLevel,
  DisputeKind, GridKind, HazardKind, Holder, PatrolKind, RegionKind, Satisfaction, SendBackReason, WorkerRole,
} from './domain'
import type { GridRule } from './drafts'
import type { Measures, MediationMeasures, PeriodKind, RankedUnit } from './figures'
import type { PlaceKind } from './intake'
import type { MediationBodyKind, MediationField, MediationKind, MediationMode, MediationOutcome } from './mediation'

/** Chinese labels for what users read; code keeps the English names. The one place this mapping lives. */
export const labels = {
  regionKind: { city: '市', township: '乡镇', street: '街道', community: '社区', village: '村' } satisfies Record<RegionKind, string>,
  caseCategory: { dispute: '矛盾纠纷', hazard: '安全隐患' } satisfies Record<CaseCategory, string>,
  placeKind: { township: '乡镇(街道)', community: '社区', village: '村屯', road: '道路', landmark: '地标' } satisfies Record<PlaceKind, string>,
  gridKind: { urban: '城镇网格', rural: '农村网格' } satisfies Record<GridKind, string>,
  cameraClass: { A: '一类点位', B: '二类点位', C: '三类点位' } satisfies Record<CameraClass, string>,
  captureKind: { video: '视频监控', face: '人脸卡口', vehicle: '车辆卡口' } satisfies Record<CaptureKind, string>,
  cameraState: { online: '在线', offline: '离线', faulty: '故障' } satisfies Record<CameraState, string>,
  patrolKind: { police: '公安巡逻', auxiliary: '辅警巡逻', volunteer: '义警巡防', grid_worker: '网格员巡查' } satisfies Record<PatrolKind, string>,
  disputeKind: {
    family: '婚姻家庭', neighbour: '邻里纠纷', labour: '劳资纠纷', property_mgmt: '物业纠纷',
    land: '土地纠纷', traffic: '交通事故', financial: '经济纠纷', petition: '信访事项',
  } satisfies Record<DisputeKind, string>,
  hazardKind: {
    fire: '消防隐患', building: '房屋安全', gas: '燃气安全', electric: '用电安全', road: '道路设施', flood: '防汛隐患',
  } satisfies Record<HazardKind, string>,
  caseSource: {
    grid_worker: '网格员上报', mini_program: '小程序', hotline_12345: '12345热线', police_110: '110警情', petition_office: '信访部门', walk_in: '来访接待',
  } satisfies Record<CaseSource, string>,
  caseLevel: { grid: '网格', community: '村(社区)', township: '乡镇(街道)', city: '市级' } satisfies Record<CaseLevel, string>,
  caseStep: {
    collect: '收集', sign_for: '签收', verify: '核实', handle: '处置', report_up: '上报', dispatch: '派单', route: '吹哨派单', send_back: '退回',
    supervise: '督办', feed_back: '反馈结果', check: '审核', answer: '答复', close: '结案', follow_up: '回访', assign: '指派', regrid: '网格调整', merge: '并案',
    mediate: '移交调解', mediation_result: '调解结果', judicial_confirmation: '司法确认',
  } satisfies Record<CaseStep, string>,
  caseState: {
    collected: '已收集', verified: '已核实', handling: '处置中', reported_up: '已上报', routed: '已派单', returned: '被退回', fed_back: '已反馈',
    checked: '已审核', closed: '已结案', reopened: '重新办理',
  } satisfies Record<CaseState, string>,
  satisfaction: { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意', not_visited: '未回访' } satisfies Record<Satisfaction, string>,
  sendBackReason: { wrong_grid: '不属本网格', wrong_department: '不属本部门职责', not_governance: '非社会治理事项', other: '其他' } satisfies Record<SendBackReason, string>,
  answerChannel: { phone: '电话', sms: '短信', in_person: '当面', mini_program: '小程序', letter: '书面' } satisfies Record<AnswerChannel, string>,
  holder: { grid: '网格', community: '村(社区)', township: '乡镇(街道)', city: '市级', department: '职能部门' } satisfies Record<Holder, string>,
  departmentLevel: { township: '乡镇(街道)站所', city: '市直部门' } satisfies Record<DepartmentLevel, string>,
  actorRole: {
    citizen: '群众', grid_worker: '网格员', community: '村(社区)', township: '乡镇(街道)', city: '市级平台',
    department: '职能部门', duty_leader: '值班领导', platform: '平台自动',
  } satisfies Record<ActorRole, string>,
  mediationKind: { people: '人民调解', industry: '行业调解', administrative: '行政调解', judicial: '司法调解' } satisfies Record<MediationKind, string>,
  mediationMode: { on_site: '当场调解', entrusted: '委托调解', online: '网上调解' } satisfies Record<MediationMode, string>,
  mediationOutcome: { agreement: '达成协议', no_agreement: '未达成协议' } satisfies Record<MediationOutcome, string>,
  mediationBodyKind: {
    community: '村(社区)人民调解委员会', township: '乡镇(街道)人民调解委员会', specialised: '专业性人民调解委员会',
  } satisfies Record<MediationBodyKind, string>,
  /** The field a specialised committee (专业性人民调解委员会) takes. */
  mediationField: {
    labour: '劳动争议', family: '婚姻家庭', traffic: '交通事故', property: '物业', medical: '医疗纠纷', financial: '金融', land: '土地承包',
  } satisfies Record<MediationField, string>,
  measure: {
    received: '受理', disputes: '矛盾纠纷受理', closed: '办结', closedRate: '结案率', resolved: '化解', resolvedRate: '化解率',
    closedInPeriod: '期内结案', onTime: '按期办结', onTimeRate: '按期办结率', resolvedInPeriod: '期内化解', resolvedAtGrid: '网格化解',
    gridLevelShare: '网格化解占比', rated: '回访评价', satisfied: '满意(含基本满意)', satisfaction: '群众满意率', ranOver: '超期', sendBacks: '退回', reopened: '重办',
  } satisfies Record<keyof Measures, string>,
  mediationMeasure: {
    referred: '调解受理', concluded: '调处', mediatedRate: '调处率', agreements: '调解成功', agreementRate: '调解成功率', confirmed: '司法确认',
    amountYuan: '涉及金额(元)',
  } satisfies Record<keyof MediationMeasures, string>,
  rankedUnit: { township: '乡镇', community: '社区', grid: '网格', department: '部门' } satisfies Record<RankedUnit, string>,
  /** The parts of the assessment score (domain/ranking.ts SCORE_WEIGHTS). */
  scorePart: { onTime: '按期办结率', gridLevel: '网格化解占比', satisfaction: '群众满意率', notSentBack: '未退回率', notReopened: '未重办率' },
  workerRole: { leader: '网格长', fulltime: '专职网格员', parttime: '兼职网格员' } satisfies Record<WorkerRole, string>,
  role: {
    operator: '值守人员', grid_worker: '网格员', community_officer: '社区工作人员', township_officer: '乡镇(街道)工作人员', department_officer: '部门工作人员',
    duty_leader: '值班领导', analyst: '分析人员', admin: '系统管理员', wall_display: '大屏显示', service: '服务账号',
  } satisfies Record<Role, string>,
  gridRule: {
    invalid_geometry: '边界无效', overlap: '网格重叠', gap: '网格间空隙', outside_parent: '超出所属社区', duplicate_code: '编码重复', retired_code: '编码属已撤销网格',
    code_outside_community: '编码不属于本社区', check_inconsistent: '核验结果不一致', households_urban: '城镇网格户数', households_rural: '农村网格户数',
  } satisfies Record<GridRule, string>,
  // The printed report (综治工作月报/季报) and a case's file (交办单/督办单).
  reportName: { day: '日报', week: '周报', month: '月报', quarter: '季报', year: '年报', range: '专报' } satisfies Record<PeriodKind, string>,
} as const
