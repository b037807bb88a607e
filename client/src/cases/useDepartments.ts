import { useEffect, useState } from 'react'
import { z } from 'zod'
import { DepartmentInfo } from '../../../contract'
import { fetchJson } from '../api/fetchJson'

const Departments = z.array(DepartmentInfo)

/** One read a page: the list changes when an admin adds or disables a department, rarely; a failed read is tried again next time. */
let read: Promise<DepartmentInfo[]> | null = null

/** The departments cases may be routed to (`GET /api/v1/departments`), once `wanted`; null until read or when the read fails. */
export function useDepartments(wanted: boolean): DepartmentInfo[] | null {
  const [list, setList] = useState<DepartmentInfo[] | null>(null)
  useEffect(() => {
    if (!wanted) return
    let stopped = false
    read ??= fetchJson('/api/v1/departments', Departments)
    read.then((d) => !stopped && setList(d), () => {
      read = null
    })
    return () => void (stopped = true)
  }, [wanted])
  return list
}
