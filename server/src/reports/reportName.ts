import { labels, type Period } from '../../../contract'

type Named = { area: { code: string | null; name: string }; period: Period }

/** The report's title: 安达市2026年11月综治工作月报. */
export const reportTitle = ({ area, period }: Named) => `${area.name}${period.label}综治工作${labels.reportName[period.kind]}`

/** The file a clerk saves it as: 安达市-2026年11月-综治月报.xlsx. */
export const reportFileName = ({ area, period }: Named) => `${area.name}-${period.label}-综治${labels.reportName[period.kind]}.xlsx`

/** The same in ASCII, for a client that cannot read RFC 5987's `filename*`: report-city-2026-11-01-month.xlsx. */
export const reportAsciiName = ({ area, period }: Named) => `report-${area.code ?? 'city'}-${period.from}-${period.kind}.xlsx`
