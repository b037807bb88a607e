import { createServer } from 'node:http'
import { Server } from 'socket.io'
import { readConfig } from '../server/src/config'
import { openDb } from '../server/src/db/openDb'
import { createLogger } from '../server/src/log'

/**
 * The raw baseline for `npm run bench`: the same HTTP routes as the product, each a bare INSERT and a
 * bare Socket.IO emit to every client, no validation, no history, no change log, no rooms.
 * Run as a child process against a store the product has already migrated and seeded.
 */
const config = readConfig()
const db = await openDb(config, createLogger('silent'))
const [grid] = await db.query<{ id: number; c: number; t: number }>(
  `SELECT g.id, g.community_id AS c, r.parent_id AS t FROM grids g JOIN regions r ON r.id = g.community_id ORDER BY g.code LIMIT 1`)
const http = createServer((req, res) => {
  if (req.method === 'GET') return void res.writeHead(200).end('{}')
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', async () => {
    const input = JSON.parse(body) as {
      location?: [number, number]; fixes?: { at: string; location: [number, number] }[]; units?: { unitId: number; fixes: { at: string; location: [number, number] }[] }[]
    }
    if (req.url === '/api/v1/cases') {
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO cases (code, category, kind, source, geom, grid_id, community_id, township_id, level, state, reported_at, due_at)
         VALUES ('B' || md5(random()::text), 'dispute', 'neighbour', 'grid_worker', ST_SetSRID(ST_MakePoint($1, $2), 4326), $3, $4, $5,
                 'grid', 'collected', now(), now()) RETURNING id`,
        [input.location![0], input.location![1], grid!.id, grid!.c, grid!.t])
      io.emit('row', row)
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(row))
    } else if (req.url === '/api/v1/patrols/fixes') {
      const f = input.units!.flatMap((u) => u.fixes.map((x) => ({ unit: u.unitId, ...x })))
      await db.query(`INSERT INTO patrol_fixes (unit_id, at, geom) SELECT u, t, ST_SetSRID(ST_MakePoint(x, y), 4326)
                      FROM unnest($1::int[], $2::timestamptz[], $3::float8[], $4::float8[]) AS f (u, t, x, y)`,
        [f.map((x) => x.unit), f.map((x) => x.at), f.map((x) => x.location[0]), f.map((x) => x.location[1])])
      // One emit a batch, carrying each unit's latest fix: what the clients draw. The product streams the same
      // (a unit's fixes in one grid within one trail step are one to a screen; the bench's share one time).
      io.emit('row', { id: -1, units: input.units!.map((u) => ({ unitId: u.unitId, fixes: u.fixes.slice(-1) })) })
      res.writeHead(202, { 'content-type': 'application/json' }).end('{}')
    } else {
      const unit = Number(req.url!.split('/')[4])
      const f = input.fixes!
      await db.query(`INSERT INTO patrol_fixes (unit_id, at, geom) SELECT $1, t, ST_SetSRID(ST_MakePoint(x, y), 4326)
                      FROM unnest($2::timestamptz[], $3::float8[], $4::float8[]) AS f (t, x, y)`,
        [unit, f.map((x) => x.at), f.map((x) => x.location[0]), f.map((x) => x.location[1])])
      io.emit('row', { id: -unit, fixes: f.slice(-1) })
      res.writeHead(202, { 'content-type': 'application/json' }).end('{}')
    }
  })
})
const io = new Server(http)
http.listen(config.port, config.host, () => process.stdout.write('ready\n'))
process.once('SIGTERM', () => { io.close(); void db.close().then(() => process.exit(0)) })
