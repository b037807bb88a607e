import type { DeskFigures } from '../../../contract/desk'
import type { Db } from './Db'
import { sqlFiles } from './sqlFiles'

const sql = sqlFiles(['desk_figures'])

/** Whose loop the figures count: an area's levels (by code prefix, '' for everything) or a department ('*' for all of them). */
export type FiguresOf = { prefix: string; department: null } | { prefix: null; department: string }

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole)

/** How `of` worked the loop from `from` to `to`, named `name`. */
export async function deskFigures(db: Db, of: FiguresOf, name: string, from: Date, to: Date): Promise<DeskFigures> {
  const [row] = await db.query<Omit<DeskFigures, 'name' | 'signedOnTimeRate' | 'handledOnTimeRate'>>(sql.desk_figures, [of.prefix, of.department, from, to])
  const r = row!
  return { name, ...r, signedOnTimeRate: rate(r.signedOnTime, r.signed), handledOnTimeRate: rate(r.handledOnTime, r.handled) }
}
