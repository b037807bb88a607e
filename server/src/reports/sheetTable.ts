import type { CellValue, Workbook, Worksheet } from 'exceljs'

/**
 * Number formats by what a column holds. Rates are stored as fractions (0.875) and shown as percents, so a
 * clerk's sums and charts work on the numbers; a rate's change is in percentage points.
 */
export const FORMATS = {
  count: '0',
  rate: '0.0%',
  yuan: '#,##0.00',
  score: '0.0',
  countChange: '+0;-0;0',
  rateChange: '+0.0%;-0.0%;0.0%',
  yuanChange: '+#,##0.00;-#,##0.00;0.00',
} as const
export type Format = keyof typeof FORMATS

/**
 * A column of a table: its header, what each row puts in it (null: an empty cell; `at` is the sheet's row
 * number, for a formula), and its number format, the same down the column or row by row.
 */
export type Column<R> = { header: string; value: (row: R, at: number) => CellValue; format?: Format | ((row: R) => Format) }

const BOLD = { bold: true } as const
const NOTE = { italic: true, color: { argb: 'FF666666' } } as const
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } } as const

/** A sheet whose first row is its title, in bold and larger. */
export function titledSheet(wb: Workbook, name: string, title: string): Worksheet {
  const ws = wb.addWorksheet(name)
  ws.addRow([title]).font = { bold: true, size: 14 }
  return ws
}

/** A bold line above a table, naming it. */
export function sectionRow(ws: Worksheet, text: string): void {
  ws.addRow([text]).font = BOLD
}

/** Lines under the tables, in grey italics, saying where the figures come from. */
export function noteRows(ws: Worksheet, lines: readonly string[]): void {
  ws.addRow([])
  for (const line of lines) ws.addRow([line]).font = NOTE
}

/** Keeps every row down to `row` in view while the rest scrolls. */
export function freezeThrough(ws: Worksheet, row: number): void {
  ws.views = [{ state: 'frozen', ySplit: row, xSplit: 0 }]
}

/**
 * Writes a table at the sheet's next row: a bold shaded header, then a row per item with each column's
 * number format; widens each column to fit its header and values. Returns the header's row number.
 */
export function writeTable<R>(ws: Worksheet, columns: readonly Column<R>[], rows: readonly R[]): number {
  const header = ws.addRow(columns.map((c) => c.header))
  header.font = BOLD
  header.alignment = { vertical: 'middle', wrapText: true }
  header.eachCell((cell) => { cell.fill = HEADER_FILL })
  const values = rows.map((item, i) => columns.map((c) => c.value(item, header.number + 1 + i)))
  rows.forEach((item, i) => {
    const row = ws.addRow(values[i]!)
    columns.forEach((c, j) => {
      const format = typeof c.format === 'function' ? c.format(item) : c.format
      if (format) row.getCell(j + 1).numFmt = FORMATS[format]
    })
  })
  columns.forEach((c, j) => {
    const column = ws.getColumn(j + 1)
    const widest = Math.max(widthOf(c.header), ...values.map((v) => widthOf(shown(v[j]))))
    column.width = Math.min(40, Math.max(column.width ?? 0, widest + 2, 8))
  })
  return header.number
}

/** How a value reads in a cell, near enough to size its column: a rate as 87.5%, a sum with its separators. */
function shown(v: CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v.toLocaleString('en')
    return Math.abs(v) <= 1 ? `+${(v * 100).toFixed(1)}%` : v.toLocaleString('en', { minimumFractionDigits: 2 })
  }
  if (typeof v === 'object' && 'result' in v) return shown(v.result as CellValue)
  return String(v)
}

/** Columns a text takes in a spreadsheet: a CJK character (or full-width sign) is two. */
const widthOf = (s: string) => [...s].reduce((n, ch) => n + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0)
