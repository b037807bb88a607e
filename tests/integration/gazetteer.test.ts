import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/src/db/Db'
import { sqlFiles } from '../../server/src/db/sqlFiles'
import { seededDb } from '../support/testDb'

const sql = sqlFiles(['places_search'])
type Found = { id: number; name: string; kind: string; within: string; lon: number; lat: number; score: number }

let db: Db
beforeAll(async () => {
  db = await seededDb()
})
afterAll(() => db?.close())

const search = (typed: string, limit = 10) => db.query<Found>(sql.places_search, [typed, limit])

describe('the gazetteer the seed fills', () => {
  it('holds every township, community and village, one place per road name, and the landmarks', async () => {
    const rows = await db.query<{ kind: string; n: number }>('SELECT kind, count(*)::int AS n FROM places GROUP BY kind ORDER BY kind')
    const [regions] = await db.query<{ townships: number; communities: number; villages: number; roads: number }>(`
      SELECT count(*) FILTER (WHERE level = 'township')::int AS townships, count(*) FILTER (WHERE kind = 'community')::int AS communities,
             count(*) FILTER (WHERE kind = 'village')::int AS villages,
             (SELECT count(DISTINCT name)::int FROM roads WHERE name IS NOT NULL) AS roads
      FROM regions`)
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.n]))
    expect(byKind).toMatchObject({ township: 18, community: regions!.communities, village: regions!.villages, road: regions!.roads })
    expect(byKind.landmark).toBeGreaterThanOrEqual(300)
    expect(byKind.landmark).toBeLessThanOrEqual(600)
  })

  it('counts every place’s character pairs, of its name and aliases together', async () => {
    const [row] = await db.query<{ places: number; without: number; counted: number; rows: number; wrong: number }>(`
      SELECT count(*)::int AS places, count(*) FILTER (WHERE gram_count = 0)::int AS without, sum(gram_count)::int AS counted,
             (SELECT count(*)::int FROM place_grams) AS rows,
             count(*) FILTER (WHERE gram_count <> (SELECT count(DISTINCT g) FROM unnest(ARRAY[p.name] || p.aliases) t, place_grams_of(t) g))::int AS wrong
      FROM places p`)
    expect(row).toMatchObject({ without: 0, wrong: 0, counted: row!.rows })
    const [yizhong] = await db.query<{ grams: string[] }>(`
      SELECT array_agg(g.gram ORDER BY g.gram) AS grams FROM place_grams g JOIN places p ON p.id = g.place_id WHERE p.name = '安达市第一中学'`)
    expect(yizhong!.grams.sort()).toEqual(['一中', '中学', '安达', '市第', '第一', '达一', '达市'].sort())
  })

  it('puts every place inside the township it is within', async () => {
    const stray = await db.query<{ name: string; within: string }>(`
      SELECT p.name, p.within FROM places p
      WHERE p.kind <> 'township'
        AND NOT EXISTS (SELECT 1 FROM regions t WHERE t.level = 'township' AND t.name = split_part(p.within, ' · ', 1) AND ST_Covers(t.geom, p.geom))`)
    expect(stray).toEqual([])
    // A landmark names its community too.
    const [landmarks] = await db.query<{ n: number; inside: number }>(`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM regions c JOIN regions t ON t.id = c.parent_id
        WHERE t.name = split_part(p.within, ' · ', 1) AND c.name = split_part(p.within, ' · ', 2) AND ST_Covers(c.geom, p.geom)))::int AS inside
      FROM places p WHERE p.kind = 'landmark'`)
    expect(landmarks!.inside).toBe(landmarks!.n)
  })

  it('finds its candidates through place_grams’ primary key', async () => {
    const plan = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql.places_search}`.replaceAll('$1', `'中华大街12号'`).replaceAll('$2', '10'))
    expect(JSON.stringify(plan)).toContain('place_grams_pkey')
  })
})

describe('a seat typing a place', () => {
  it.each([
    ['the full name', '安达市人民医院', { name: '安达市人民医院', kind: 'landmark' }],
    ['a part of the name', '第一中学', { name: '安达市第一中学', kind: 'landmark' }],
    ['an alias', '安达一中', { name: '安达市第一中学', kind: 'landmark' }],
    ['a part of an alias', '一中', { name: '安达市第一中学', kind: 'landmark' }],
    ['the name with one character wrong', '安达市人民医完', { name: '安达市人民医院', kind: 'landmark' }],
    ['a road and a house number', '中华大街12号', { name: '中华大街', kind: 'road' }],
    ['a community', '站前社区', { name: '站前社区', kind: 'community', within: '安虹街道' }],
    ['a village after its township', '任民镇和平村', { name: '和平村', kind: 'village', within: '任民镇' }],
    ['a railway station by what people call it', '火车站', { name: '安达站', kind: 'landmark' }],
  ])('finds it by %s (%s) first', async (_, typed, expected) => {
    const [first] = await search(typed)
    expect(first).toMatchObject(expected)
    expect(first!.lon).toBeGreaterThan(124.9)
    expect(first!.lat).toBeGreaterThan(46)
  })

  it('scores 1 only what equals the typed text, and ranks best first within the limit', async () => {
    const found = await search('安达市第一中学', 5)
    expect(found).toHaveLength(5)
    expect(found[0]).toMatchObject({ name: '安达市第一中学', score: 1 })
    expect(found.slice(1).every((f) => f.score < 1 && f.score > 0)).toBe(true)
    expect(found.map((f) => f.score)).toEqual([...found.map((f) => f.score)].sort((a, b) => b - a))
    const part = await search('第一中学')
    expect(part[0]!.score).toBeGreaterThan(part[1]!.score)
    expect(part[0]!.score).toBeLessThan(1)
  })

  it('offers every village of a name, told apart by township', async () => {
    const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM regions WHERE name = '和平村'`)) as [{ n: number }]
    expect(n).toBeGreaterThan(1)
    const found = await search('和平村', n)
    expect(found.map((f) => [f.name, f.kind, f.score])).toEqual(Array.from({ length: n }, () => ['和平村', 'village', 1]))
    expect(new Set(found.map((f) => f.within)).size).toBe(n)
  })

  it('answers nothing when nothing shares a character pair with the text', async () => {
    expect(await search('xyz')).toEqual([])
    expect(await search('  ')).toEqual([])
  })
})
