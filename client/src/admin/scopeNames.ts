import { useEffect, useState } from 'react'
import { RegionCollection, type Scope } from '../../../contract'
import { fetchJson } from '../api/fetchJson'

/** Region names by code (the city, its townships and communities), read once for the accounts table; empty until then. */
export function useRegionNames(): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map())
  useEffect(() => {
    let stopped = false
    fetchJson('/api/v1/regions', RegionCollection).then(
      (regions) => !stopped && setNames(new Map(regions.features.map((f) => [f.properties.code, f.properties.name]))),
      () => {},
    )
    return () => void (stopped = true)
  }, [])
  return names
}

/** A scope as an admin reads it: `新兴街道`, `新兴社区 第 001 网格`, `司法所`; the code where no name is known. */
export function scopeName(scope: Scope, names: ReadonlyMap<string, string>): string {
  if ('department' in scope) return scope.department
  const { region } = scope
  if (region.length === 15) {
    const community = names.get(region.slice(0, 12))
    return community ? `${community} 第 ${region.slice(12)} 网格` : region
  }
  return names.get(region) ?? region
}
