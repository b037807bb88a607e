import type { NewAccount } from '../contract/auth'
import type { Open311Channel } from '../contract/open311'
import type { AccountCommands } from '../server/src/accounts/accounts'
import { ServiceError } from '../server/src/commands/serviceErrors'
import type { Db } from '../server/src/db/Db'
import { sqlFiles } from '../server/src/db/sqlFiles'

const sql = sqlFiles(['open311_client_put'])

/** The demo's one password for every person's account, printed at start: a demo on localhost, never a deployment. */
export const DEMO_PASSWORD = 'anda-demo-2026'

const CITY = '231281000000'
/** 新兴街道, one of its communities, and that community's first grid. */
const TOWNSHIP = '231281001000'
const COMMUNITY = '231281001001'
const GRID = '231281001001001'

/**
 * One account per role and kind of scope; the wall display, the simulator and the outside systems filing through
 * Open311 (the mini-program's backend, the 12345 platform) sign in with keys.
 */
export const DEMO_ACCOUNTS: readonly NewAccount[] = [
  { login: 'operator', displayName: '值守席 1', role: 'operator', scope: { region: CITY } },
  { login: 'leader', displayName: '值班领导', role: 'duty_leader', scope: { region: CITY } },
  { login: 'analyst', displayName: '网格分析员', role: 'analyst', scope: { region: CITY } },
  { login: 'admin', displayName: '系统管理员', role: 'admin', scope: { region: CITY } },
  { login: 'xinxing', displayName: '新兴街道综治中心', role: 'township_officer', scope: { region: TOWNSHIP } },
  { login: 'community', displayName: '社区综治专干', role: 'community_officer', scope: { region: COMMUNITY } },
  { login: 'grid', displayName: '网格员', role: 'grid_worker', scope: { region: GRID } },
  { login: 'sifasuo', displayName: '新兴街道司法所', role: 'department_officer', scope: { department: '新兴街道司法所' } },
  { login: 'zhujian', displayName: '市住建局', role: 'department_officer', scope: { department: '安达市住房和城乡建设局' } },
  { login: 'wall', displayName: '指挥中心大屏', role: 'wall_display', scope: { region: CITY } },
  { login: 'simulator', displayName: '模拟流量', role: 'service', scope: { region: CITY } },
  { login: 'miniprogram', displayName: '小程序后台', role: 'service', scope: { region: CITY } },
  { login: 'hotline12345', displayName: '12345热线平台', role: 'service', scope: { region: CITY } },
]

/** The demo's Open311 clients, by login, and the channel each files by (its `intake_clients` row). */
export const DEMO_OPEN311_CLIENTS: Readonly<Record<string, Open311Channel>> = { miniprogram: 'mini_program', hotline12345: 'hotline_12345' }

/** Makes the demo accounts that are not there yet, a person's with the demo password. */
export async function ensureDemoAccounts(accounts: AccountCommands): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const keyOnly = account.role === 'wall_display' || account.role === 'service'
    try {
      await accounts.add(keyOnly ? account : { ...account, password: DEMO_PASSWORD })
    } catch (err) {
      if (!(err instanceof ServiceError && err.code === 'login_taken')) throw err
    }
  }
}

/** Makes the demo's outside systems Open311 clients, each filing by its channel (once: one that is keeps its channel). */
export async function ensureDemoOpen311Clients(db: Db): Promise<void> {
  for (const [login, channel] of Object.entries(DEMO_OPEN311_CLIENTS)) await db.query(sql.open311_client_put, [login, channel])
}
