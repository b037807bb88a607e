import { useEffect, useState } from 'react'
import type { Me } from '../../../contract'
import { SignedInBar } from '../session/SignedInBar'
import { caseFileTitle, CaseFileDocument } from './CaseFileDocument'
import { useCaseFile } from './useCaseFile'
import './paper.css'

/** The case `/print/case/12` names; null for any other address. */
export function caseFileId(pathname: string): number | null {
  const m = /^\/print\/case\/([1-9]\d{0,14})\/?$/.exec(pathname)
  return m ? Number(m[1]) : null
}

/** `/print/case/:id`: a case's file (交办单/督办单) on an A4 page, printed from the browser. */
export function CaseFile({ id, me }: { id: number; me: Me }) {
  const read = useCaseFile(id)
  const [printedAt] = useState(() => Date.now())
  useEffect(() => {
    if (read.kind === 'ready') document.title = `${caseFileTitle(read.data.detail)} ${read.data.detail.code}`
  }, [read])
  return (
    <div className="paper-screen" data-testid="case-file-screen">
      <header className="paper-toolbar screen-only">
        <h1>案件{read.kind === 'ready' ? caseFileTitle(read.data.detail) : '交办单'}</h1>
        <button type="button" onClick={() => window.print()} disabled={read.kind !== 'ready'} data-testid="print">打印</button>
        <SignedInBar me={me} />
      </header>
      {read.kind === 'loading' && <p className="paper-wait screen-only" aria-busy="true">正在读取案件…</p>}
      {read.kind === 'failed' && <p className="paper-wait screen-only" role="alert">案件读取失败：{read.text}</p>}
      {read.kind === 'ready' && <CaseFileDocument data={read.data} printedAt={printedAt} />}
    </div>
  )
}
