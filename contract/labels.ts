import type { Role } from './auth'
import type {
  ActorRole, AnswerChannel, CameraClass, CameraState, CaptureKind, CaseCategory, CaseLevel, CaseSource, CaseState, CaseStep, DepartmentLevel,
  DisputeKind, GridKind, HazardKind, Holder, PatrolKind, RegionKind, RegionLevel, Satisfaction, SendBackReason, WorkerRole,
} from './domain'
import type { GridRule } from './drafts'
import type { Measures, MediationMeasures, PeriodKind, RankedUnit } from './figures'
import type { PlaceKind } from './intake'
import type { MediationBodyKind, MediationField, MediationKind, MediationMode, MediationOutcome } from './mediation'

/** Chinese labels for what users read; code keeps the English names. The one place this mapping lives. */
export const labels = {
  regionKind: { province: '省', prefecture: '州', city: '市', county: '县', district: '区', township: '乡镇', street: '街道', community: '社区', village: '村' } satisfies Record<RegionKind, string>,
  regionLevel: { province: '省级', prefecture: '市（州）级', county: '县级', township: '乡镇级', community: '村（社区）级' } satisfies Record<RegionLevel, string>,
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
    mediate: '移交调解', mediation_result: '调解结果', judicial_confirmation: '司法确认', acknowledge: '确认收到',
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
  rankedUnit: { prefecture: '市（州）', county: '县（市、区）', township: '乡镇', community: '社区', grid: '网格', department: '部门' } satisfies Record<RankedUnit, string>,
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
  /**
   * What a person reads for each error `code` a response carries (the server's, and the client's own `unreachable` and
   * `http_error`). A code not here is shown as a plain "did not succeed", never as the server's English message.
   */
  errorCode: {
    already_acknowledged: '该紧急隐患已有人确认收到', already_confirmed: '这份调解协议已经司法确认', bad_request: '请求有误，请刷新页面后重试', case_closed: '案件已结案，不能再进行此操作',
    check_failed: '草稿核验未通过，请先改正其中的错误再发布', csrf_failed: '登录状态已失效，请刷新页面后重试', department_exists: '已有同名的部门',
    draft_exists: '该社区已有未发布的草稿，请在其中修改', draft_published: '该草稿已经发布，不能再修改', edit_refused: '这项修改无法完成，请检查所选网格后重试',
    forbidden: '无权进行此操作', http_error: '服务器暂时无法处理请求，请稍后重试', illegal_step: '案件当前的状态不允许此操作，请刷新后再试',
    internal: '服务器出错，请稍后重试', invalid_body: '提交的内容有误', invalid_header: '请求有误，请刷新页面后重试', invalid_json: '提交的内容格式有误',
    invalid_path: '访问的地址有误', invalid_query: '查询条件有误', locked: '该登录名连续登录失败次数过多，已被暂时锁定，请稍后再试',
    login_taken: '该登录名已被使用', mediation_ended: '这次调解的结果已经记录', mediation_open: '本案已有进行中的调解，请先记录其调解结果',
    method_not_allowed: '不支持此操作', no_session: '当前以密钥访问，没有可退出的登录', not_a_dispute: '只有矛盾纠纷可以移交调解',
    not_an_agreement: '只有达成的调解协议可以司法确认', not_found: '要找的记录不存在或已被删除', not_urgent: '只有紧急隐患需要确认收到', out_of_scope: '超出本账号的管辖范围', too_many_grids: '网格太多，不能一次载入：请选择较小的区域，地图按矢量瓦片显示',
    sign_in_refused: '登录名或密码不正确', stale_case: '案件已被他人更新，请刷新后重新确认', stale_draft: '草稿已被他人修改，请刷新后重试',
    store_unavailable: '数据库暂时无法访问，请稍后重试', ticket_taken: '该工单号已经受理过', too_large: '提交的内容过大',
    too_many_attempts: '本机登录失败次数过多，请稍后再试', unauthenticated: '尚未登录或登录已过期，请重新登录', unreachable: '无法连接服务器，请检查网络后重试',
    unreadable_shapefile: '无法读取该矢量数据文件', unsupported_charset: '提交内容的字符编码不受支持', unsupported_encoding: '提交内容的压缩方式不受支持',
    unsupported_media_type: '不支持该文件类型', unsupported_type: '不支持该照片格式，请上传常见的照片格式',
  } satisfies Record<string, string>,
  /**
   * The label of each field a request names, by its path without list positions (`parties.name` for `parties.0.name`).
   * The longest match wins, and a key led by the request's contract name (`EscalateRequest.reason`) wins over the
   * plain one (`reason`) where the screen says which request it sent. `(root)` and `(body)`: the request as a whole.
   */
  fieldLabel: {
    '(root)': '提交的内容', '(body)': '提交的内容', body: '上传的文件', 'idempotency-key': '提交编号',
    // Cases and their steps.
    category: '事项大类', kind: '事项类别', source: '来源渠道', location: '位置', description: '情况描述', parties: '当事人', 'parties.role': '当事人身份',
    'parties.name': '当事人姓名', 'parties.phone': '当事人电话', 'parties.idNumber': '当事人身份证号', step: '办理环节', note: '说明', lead: '牵头部门',
    assisting: '配合部门', department: '部门', grid: '网格', reason: '理由', channel: '渠道', accepted: '审核结论', resolved: '是否化解',
    satisfaction: '群众满意度', expectedVersion: '版本', worker: '指派的网格员岗位', 'StepRequest.reason': '退回原因', 'StepRequest.channel': '答复方式',
    'StepRequest.grid': '派往的网格', 'EscalateRequest.reason': '上移理由', 'AssignRequest.note': '指派说明', case: '案件', state: '状态', overdue: '是否超期',
    closedDays: '结案天数', limit: '条数', id: '编号', photo: '照片',
    // Intake.
    ticket: '工单号', address: '地址', caller: '来电人', 'caller.name': '来电人姓名', 'caller.phone': '来电人电话', mergeInto: '并入的案件',
    lon: '经度', lat: '纬度', phone: '电话', q: '搜索内容', url: '回传地址', secret: '回传密钥', enabled: '启用状态',
    // Mediation.
    bodyId: '调解组织', 'ReferToMediation.kind': '调解类型', mode: '调解方式', sessions: '调解次数', outcome: '调解结果', amountYuan: '协议金额',
    confirmedAt: '司法确认日期', mediationId: '调解编号',
    // Figures, areas and the map.
    area: '区域', region: '区域', within: '区域', period: '统计周期', at: '日期', from: '开始时间', to: '结束时间', unit: '排名单位', days: '统计天数', level: '层级',
    code: '编码', patrolHours: '巡逻统计时长', bbox: '地图范围', parent: '上级区域', community: '社区', status: '状态',
    layer: '图层', z: '缩放级别', x: '瓦片列号', y: '瓦片行号',
    // Drafts of a community's grids.
    type: '类型', features: '网格', geometry: '边界', coordinates: '边界坐标', properties: '网格属性', 'properties.code': '网格编码',
    'properties.name': '网格名称', 'properties.kind': '网格类型', households: '户数', leaders: '网格长人数', fulltimeWorkers: '专职网格员人数',
    parttimeWorkers: '兼职网格员人数', sourceCode: '原网格编码', 'SplitRequest.code': '要分割的网格', line: '分割线', codes: '要合并的网格',
    'PublishRequest.note': '调整说明',
    // Accounts, departments and time limits.
    login: '登录名', password: '密码', displayName: '姓名', role: '角色', scope: '管辖范围', 'scope.region': '管辖区域', 'scope.department': '所属部门',
    label: '密钥名称', key: '显示密钥', actor: '操作人', action: '操作', returnTo: '登录后返回的页面', name: '名称', 'NewDepartment.name': '部门名称',
    'NewDepartment.level': '部门层级', townshipCode: '所属乡镇(街道)', holder: '办理层级', signHours: '签收时限', handleHours: '办理时限',
    'TimeLimitTable.(root)': '时限表',
    // Patrol fixes and cameras.
    fixes: '定位点', 'fixes.at': '定位时间', speedMps: '速度', heading: '方向', units: '巡逻单元', 'units.unitId': '巡逻单元编号',
    // Exports and the interfaces other systems call (OGC API, Open311).
    regionCode: '区域编码', layers: '图层', f: '格式', datetime: '时间', offset: '起始位置', jurisdiction_id: '辖区', api_key: '接口密钥',
    service_code: '事项类别', long: '经度', address_string: '地址', address_id: '地址编号', email: '电子邮箱', device_id: '设备编号',
    account_id: '账号编号', first_name: '名', last_name: '姓', media_url: '图片地址', attribute: '附加信息', 'attribute.ticket': '工单号',
    service_request_id: '诉求编号', start_date: '开始时间', end_date: '结束时间',
  } satisfies Record<string, string>,
} as const
