import type { NewAccount } from '../contract/auth'
import type { AccountCommands } from '../server/src/accounts/accounts'
import { ServiceError } from '../server/src/commands/serviceErrors'

/** The demo's one password for every person's account, printed at start: a demo on localhost, never a deployment. */
export const DEMO_PASSWORD = 'anda-demo-2026'

const CITY = '231281000000'
/** 新兴街道, one of its communities, and that community's first grid. */
const TOWNSHIP = '231281001000'
const COMMUNITY = '231281001001'
const GRID = '231281001001001'

/** One account per role and kind of scope; the wall display and the simulator sign in with keys. */
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
]

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
