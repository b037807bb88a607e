import { useEffect, useState } from 'react'
import { AreaProfile, type GridPost } from '../../../contract'
import { fetchJson } from '../api/fetchJson'

/**
 * The posts of a grid a case may be assigned to (指派), from the grid's area as a desk reads it, once
 * `wanted` (the account may assign); null until read.
 */
export function useGridPosts(gridCode: string, wanted: boolean): GridPost[] | null {
  const [posts, setPosts] = useState<GridPost[] | null>(null)
  useEffect(() => {
    setPosts(null)
    if (!wanted) return
    let stopped = false
    fetchJson(`/api/v1/areas/grid/${gridCode}`, AreaProfile).then(
      (a) => !stopped && setPosts(a.responsible.roster.filter((p) => p.gridCode === gridCode)),
      () => !stopped && setPosts([]),
    )
    return () => void (stopped = true)
  }, [gridCode, wanted])
  return posts
}
