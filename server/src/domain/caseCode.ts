/** A case's reference: AD, the Beijing date it was reported, and its id, e.g. `AD20261123009745`. */
export function caseCode(id: number, reportedAt: Date): string {
  const beijing = new Date(reportedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '')
  return `AD${beijing}${String(id).padStart(6, '0')}`
}
