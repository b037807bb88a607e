import { useEffect, useState } from 'react'
import { Rankings } from '../../../contract'
import { fetchJson } from '../api/fetchJson'
import { errorText } from '../ui/errorText'

export type RankingsRead = { rankings: Rankings | null; loading: boolean; error: string | null }

/**
 * The rankings for a query (`unit=…&period=…`), read again whenever it changes. The table on screen stays
 * while the next is read (marked busy), and an answer to a query no longer asked for is dropped.
 */
export function useRankings(query: string): RankingsRead {
  const [read, setRead] = useState<RankingsRead>({ rankings: null, loading: true, error: null })
  useEffect(() => {
    let current = true
    setRead((r) => ({ ...r, loading: true, error: null }))
    fetchJson(`/api/v1/rankings?${query}`, Rankings).then(
      (rankings) => current && setRead({ rankings, loading: false, error: null }),
      (e: unknown) => current && setRead((r) => ({ ...r, loading: false, error: `排名读取失败：${errorText(e)}` })),
    )
    return () => void (current = false)
  }, [query])
  return read
}
