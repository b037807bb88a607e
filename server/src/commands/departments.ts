import type { DepartmentInfo, NewDepartment } from '../../../contract/departments'
import type { CaseLevel } from '../../../contract/domain'
import { mayRoute } from '../../../domain/routing'
import type { Db, Queryable } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import { conflict, invalid, notFound } from './serviceErrors'

const sql = sqlFiles(['department_list', 'department_insert', 'department_update', 'department_get'])

/** The departments cases are routed to, as data an admin keeps. */
export function departmentCommands(db: Db) {
  return {
    list: (): Promise<DepartmentInfo[]> => db.query<DepartmentInfo>(sql.department_list),

    async add(d: NewDepartment): Promise<DepartmentInfo> {
      const [row] = await db.query<DepartmentInfo>(sql.department_insert, [d.name, d.level, d.townshipCode ?? null])
      if (!row) throw conflict('department_exists', `a department named ${d.name} exists`)
      return row
    },

    async setEnabled(name: string, enabled: boolean): Promise<DepartmentInfo> {
      const [row] = await db.query<DepartmentInfo>(sql.department_update, [name, enabled])
      if (!row) throw notFound(`no department named ${name}`)
      return row
    },

    /** Whether `name` is a department (a department officer's scope must name one). */
    async exists(name: string): Promise<boolean> {
      return (await db.query(sql.department_get, [[name]])).length > 0
    },

    /**
     * 400 naming `lead` or `assisting` unless every department routed to exists, is enabled and may be
     * summoned by the routing level for this case's township.
     */
    async checkRoute(q: Queryable, lead: string, assisting: readonly string[], router: CaseLevel, caseTownship: string): Promise<void> {
      const found = new Map((await q.query<DepartmentInfo>(sql.department_get, [[lead, ...assisting]])).map((d) => [d.name, d]))
      const issues = [lead, ...assisting].flatMap((name, i) => {
        const d = found.get(name)
        const reason = d ? mayRoute(d, router, caseTownship) : 'is not a department (GET /api/v1/departments lists them)'
        return reason ? [{ field: i === 0 ? 'lead' : `assisting.${i - 1}`, reason: `${name} ${reason}` }] : []
      })
      if (issues.length) throw invalid(issues)
    },
  }
}
export type DepartmentCommands = ReturnType<typeof departmentCommands>
