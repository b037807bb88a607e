import type { IncomingMessage, Server as HttpServer } from 'node:http'
import { Server, type Socket } from 'socket.io'
import {
  type Change, clientEvents, type ClientToServerEvents, LiveHandshake, PROTOCOL_VERSION, type Room, type ServerToClientEvents,
} from '../../../contract/live'
import { issuesOf } from '../../../contract/api'
import { casesOnlyLevel, type Reach, roomsNest, roomWithin } from '../../../domain/access'
import { type Db, StoreUnavailable } from '../db/Db'
import type { Logger } from '../log'
import { logPosition } from '../db/logPosition'
import { readChanges, sequenceAndRead, sequenceChanges } from './outbox'
import type { PeerBatch, Peers } from './peers'
import { bufferedBytes, dropConnection } from './socketBuffer'
import { partHeard, Subscriptions, unitChange } from './subscriptions'

/**
 * Who a socket is: its account's login and reach, and the credential it was let in by (a session's
 * id hash, or `key:<id>`), which the guard checks every `credentialCheckMs` and which ends the socket when it ends.
 */
export type LiveCaller = { login: string; reach: Reach; credential: string }

/** Finds who opens a socket from its handshake request (the session cookie) or the API key it sends; null for nobody. */
export type LiveAuthenticator = (request: IncomingMessage, key: string | undefined) => Promise<LiveCaller | null>

/** Which of the given credentials still sign someone in; the hub ends sockets of the others. */
export type CredentialCheck = (credentials: string[]) => Promise<Set<string>>

type SocketData = { rooms: Room[]; since: number | undefined; caller: LiveCaller }
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

export type HubOptions = {
  /** A client further behind than this many positions gets `live:resync` and loads a snapshot. */
  maxReplay: number
  /** Changes read from the log per query while pumping. */
  batch: number
  /** Changes read from the log per query while replaying to one client: what a stalled client can hold besides its low water. */
  replayBatch: number
  /**
   * A client holding more unsent bytes than this on the server (see `bufferedBytes`) is cut off; it
   * reconnects and replays from the log. Bounds what one slow wall can cost the server's memory.
   */
  maxBufferedBytes: number
  /** A replay sends its next batch only once the client's unsent bytes are below this. */
  replayLowWaterBytes: number
  /** A replay that could not send its next batch for this long is cut off; the client replays later. */
  replayStallMs: number
  /** How often the log is read even without a local commit (another process may have written). */
  pollMs: number
  /** How often open sockets' credentials are checked against the store (signed out, disabled, revoked elsewhere). */
  credentialCheckMs: number
  /** The other server processes; none when this is the only one. */
  peers: Peers | null
}

const DEFAULTS: HubOptions = {
  maxReplay: 50_000, batch: 2000, replayBatch: 500, maxBufferedBytes: 8 * 1024 * 1024, replayLowWaterBytes: 512 * 1024, replayStallMs: 30_000, pollMs: 1000, credentialCheckMs: 1000, peers: null,
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))


/**
 * The grids whose rooms hear of a change: a case's, a cover's, the one a camera stands in, the ones a patrol is in and has left, a redrawn grid itself.
 * A gateway's batch is heard unit by unit (see `roomsOf`).
 */
function gridsOf(change: Exclude<Change, { entity: 'patrols' }>): (string | null)[] {
  switch (change.entity) {
    case 'case':
    case 'cover':
    case 'camera':
    case 'answer':
      return [change.data.gridCode]
    case 'patrol':
      return [change.data.gridCode, change.data.leftGridCode]
    case 'grid':
      return [change.data.code]
  }
}

/** The levels above the township, by the digits of a code that name them. */
const ABOVE_TOWNSHIP = [['province', 2], ['prefecture', 4], ['county', 6]] as const

/**
 * The rooms a change goes to: the whole store first; for a case its province's and prefecture's; its
 * county, township, its grids' communities, its grids; a case's department. Codes above the township are
 * the township's own digits (division codes nest), rooms of areas the store lacks are empty.
 */
export function roomsOf(change: Change): Room[] {
  if (change.entity === 'patrols') return [...new Set(change.data.units.flatMap((unit) => roomsOf(unitChange(change, unit))))]
  const rooms: Room[] = ['city']
  const township = change.data.townshipCode
  if (township) {
    for (const [level, digits] of ABOVE_TOWNSHIP) {
      if (change.entity === 'case' || !casesOnlyLevel(level)) rooms.push(`${level}:${township.slice(0, digits).padEnd(12, '0')}`)
    }
    rooms.push(`township:${township}`)
  }
  // A change logged before its payload named a grid has none (undefined).
  const grids = [...new Set(gridsOf(change))].filter((g): g is string => !!g)
  for (const community of new Set(grids.map((g) => g.slice(0, 12)))) rooms.push(`community:${community}`)
  for (const grid of grids) rooms.push(`grid:${grid}`)
  if (change.entity === 'case') {
    // The lead it was last routed to, and every department it is routed to now (an assisting one's 报到 is awaited too).
    const routed = [change.data.department, ...(change.data.departments ?? []).map((d) => d.name)]
    for (const d of new Set(routed.filter((d): d is string => !!d))) rooms.push(`department:${d}`)
  }
  return rooms
}

/** Rooms whose areas nest would each be sent the same change: a client asks for the larger alone. */
const overlapping = (rooms: readonly Room[]): boolean => rooms.some((a, i) => rooms.some((b, j) => i < j && roomsNest(a, b)))

/**
 * Numbers committed changes (see `sequenceChanges`) and streams them from the change log to Socket.IO clients. A client connects with the
 * last position it applied and first gets everything after it from the log, then joins its rooms
 * and gets live changes: no gap, no duplicate, and nothing depends on server memory, so a restart
 * loses nothing. A client receives each change once, however many of its rooms hear it.
 *
 * With other processes (`peers`), the leader (`lead`) numbers and reads the log and hands each batch to
 * the others through Redis; every process sends its own sockets. A process takes its changes in
 * log order from whichever comes first, a peer's batch or its own read of the log: a batch that starts
 * past what it has sent (Redis lost messages) is preceded by the gap read from the log, and what it has
 * sent already is skipped. It reads the log itself every `pollMs` too, so a dead leader or a dead Redis
 * delays changes by that much and loses none.
 */
export class LiveHub {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
  private sent = 0
  private readonly listeners: ((changes: readonly Change[]) => Promise<void>)[] = []
  /** Everything that moves `sent` runs here, one after another: pumps and peers' batches. */
  private queue: Promise<void> = Promise.resolve()
  /** A pump queued and not started yet, which a further notify joins. */
  private queuedPump: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private readonly options: HubOptions
  /** Whether the last read of the log failed because the store was unreachable: an outage is logged once, not every poll. */
  private storeDown = false
  private guard: NodeJS.Timeout | null = null
  /** Whether this process numbers the log and hands batches to the others; every process does without peers. */
  private leading: boolean
  private readonly subscriptions = new Subscriptions()

  constructor(
    http: HttpServer,
    private readonly db: Db,
    private readonly log: Logger,
    private readonly access: { authenticate: LiveAuthenticator; stillValid: CredentialCheck },
    options: Partial<HubOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options }
    const peers = this.options.peers
    this.leading = !peers
    // WebSocket only (the client connects so): any process behind one address can take any frame, no sticky sessions.
    this.io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024, transports: ['websocket'], ...(peers ? { adapter: peers.adapter } : {}) })
    peers?.listen({
      onBatch: (batch) => void this.enqueue(() => this.fromPeer(batch)).catch(() => {}),
      onCommitted: () => { if (this.leading) this.notify() },
    })
    this.io.use((socket, next) => {
      const parsed = LiveHandshake.safeParse(socket.handshake.auth)
      if (!parsed.success) return next(new Error(`invalid handshake: ${issuesOf(parsed.error).map((i) => `${i.field} ${i.reason}`).join('; ')}`))
      if (parsed.data.protocol !== PROTOCOL_VERSION) return next(new Error(`protocol ${parsed.data.protocol} is not spoken here; this server speaks ${PROTOCOL_VERSION}`))
      if (overlapping(parsed.data.rooms)) return next(new Error('rooms overlap: ask for the city alone, or areas outside one another'))
      this.access.authenticate(socket.request, parsed.data.key).then((caller) => {
        if (!caller) return next(new Error('unauthenticated: sign in, or send an API key in the handshake\'s auth.key'))
        const outside = parsed.data.rooms.filter((room) => !roomWithin(caller.reach, room))
        if (outside.length > 0) return next(new Error(`forbidden: ${outside.join(', ')} outside this account's scope`))
        socket.data.rooms = parsed.data.rooms
        socket.data.since = parsed.data.since
        socket.data.caller = caller
        void socket.join(`credential:${caller.credential}`)
        next()
      }, (err: unknown) => {
        // Who is asking cannot be told while the store is down: the client is told to come back, as a write is with a 503.
        if (err instanceof StoreUnavailable) return next(new Error('unavailable: the store is unreachable; connect again shortly'))
        next(err instanceof Error ? err : new Error(String(err)))
      })
    })
    this.io.on('connection', (socket) => void this.welcome(socket))
  }

  /** Ends, now, the sockets a credential let in (signed out, its key revoked); they do not reconnect by themselves. */
  endCredential(credential: string): void {
    this.io.in(`credential:${credential}`).disconnectSockets(true)
  }

  /** Ends the sockets whose credentials no longer sign anyone in: signed out, disabled or revoked, here or in another process. */
  async checkCredentials(): Promise<void> {
    const open = new Set<string>()
    for (const socket of this.io.sockets.sockets.values()) if (socket.data.caller) open.add(socket.data.caller.credential)
    if (open.size === 0) return
    const valid = await this.access.stillValid([...open])
    for (const credential of open) {
      if (!valid.has(credential)) {
        this.log.info({ credential: credential.slice(0, 12) }, 'credential ended: closing its sockets')
        this.endCredential(credential)
      }
    }
  }

  /**
   * Numbers what was committed while no hub ran, starts from the newest position (clients that were
   * away replay what they missed), and polls the log; call once before clients connect.
   */
  async start(): Promise<void> {
    while ((await sequenceChanges(this.db, this.options.batch)) === this.options.batch);
    this.sent = (await logPosition(this.db)).newest
    this.timer = setInterval(() => void this.pumpSoon(this.leading).catch(() => {}), this.options.pollMs)
    this.timer.unref()
    this.guard = setInterval(() => {
      this.checkCredentials().catch((err: unknown) => {
        if (!(err instanceof StoreUnavailable)) this.log.error({ err }, 'credential check failed')
      })
    }, this.options.credentialCheckMs)
    this.guard.unref()
  }

  /** The newest position broadcast so far. */
  get position(): number {
    return this.sent
  }

  /** Makes this process the one that numbers the log and hands batches to the others, or stops it being so. */
  lead(leading: boolean): void {
    if (!this.options.peers) return
    this.leading = leading
    if (leading) this.notify()
  }

  /** Something was committed: the leader reads the log and broadcasts it (calls coalesce while a pump runs); another process tells the leader. */
  notify(): void {
    if (this.leading) void this.pumpSoon(true).catch(() => {})
    else this.options.peers?.committed()
  }

  /** Resolves once everything committed before the call has been broadcast here; rejects while the store is away. */
  async flush(): Promise<void> {
    await this.pumpSoon(this.leading)
    if (this.storeDown) throw new StoreUnavailable(new Error('the live pump could not read the log'))
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    if (this.guard) clearInterval(this.guard)
    await this.queue
    await this.io.close()
  }

  /**
   * `listener` hears each batch of committed changes before any client does, in log order (a cache that
   * must forget what changed: a client told of a change and asking again must not get the old answer).
   * A listener that fails stops the batch; it is read and heard again on the next poll.
   */
  beforeBroadcast(listener: (changes: readonly Change[]) => Promise<void>): void {
    this.listeners.push(listener)
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task)
    this.queue = run.catch(() => {})
    return run
  }

  /** A pump after whatever is queued; one already waiting to start takes this call too. Resolves when it has run. */
  private pumpSoon(publish: boolean): Promise<void> {
    this.queuedPump ??= this.enqueue(async () => {
      this.queuedPump = null
      await this.pump(publish)
    }).then(() => {
      if (this.storeDown) this.log.info('store reachable again: live stream resumed')
      this.storeDown = false
    }, (err: unknown) => {
      if (!(err instanceof StoreUnavailable)) return this.log.error({ err }, 'live pump failed')
      // The log is the truth: what commits while the store is away is sent once it is back, in order.
      if (!this.storeDown) this.log.warn({ err: err.message }, 'store unreachable: live stream paused, retrying every poll')
      this.storeDown = true
    })
    return this.queuedPump
  }

  private async pump(publish: boolean): Promise<void> {
    for (;;) {
      const changes = await sequenceAndRead(this.db, this.sent, this.options.batch)
      if (changes.length > 0) await this.deliver(changes, publish)
      if (changes.length < this.options.batch) return
    }
  }

  /** Sends what the log holds after `sent` up to `upTo`, batch by batch. */
  private async readLog(upTo: number, publish: boolean): Promise<void> {
    for (;;) {
      const changes = await readChanges(this.db, this.sent, upTo, this.options.batch)
      if (changes.length === 0) return
      await this.deliver(changes, publish)
    }
  }

  /** A peer's batch: the gap before it from the log first, then what of it this process has not sent. */
  private async fromPeer({ after, changes }: PeerBatch): Promise<void> {
    if (after > this.sent) await this.readLog(after, false)
    const fresh = changes.filter((c) => c.seq > this.sent)
    if (fresh.length > 0) await this.deliver(fresh, false)
  }

  private async deliver(changes: Change[], publish: boolean): Promise<void> {
    for (const listener of this.listeners) await listener(changes)
    const after = this.sent
    this.broadcast(changes)
    this.sent = changes.at(-1)!.seq
    if (publish) this.options.peers?.publish({ after, changes })
    this.cutOffSlowClients()
  }

  /**
   * One frame a subscription (see `Subscriptions`): each socket gets the changes its rooms hear, once
   * each and in log order. Only this process's sockets: the others send their own.
   */
  private broadcast(changes: Change[]): void {
    const here = this.io.local
    for (const [room, part] of this.subscriptions.route(changes, roomsOf)) here.to(room).emit('live:changes', part)
  }

  /** Socket.IO has no backpressure: a wall that cannot keep up is cut off rather than grow our memory. */
  private cutOffSlowClients(): void {
    for (const socket of this.io.sockets.sockets.values()) {
      const buffered = bufferedBytes(socket)
      if (buffered > this.options.maxBufferedBytes) this.cutOff(socket, 'client too slow: dropping its connection; it reconnects and replays', { buffered })
    }
  }

  /** The client reconnects by itself (see `dropConnection`). */
  private cutOff(socket: LiveSocket, why: string, context: Record<string, unknown> = {}): void {
    this.log.warn({ socket: socket.id, ...context }, why)
    dropConnection(socket)
  }

  /**
   * Waits until the socket has sent all but `replayLowWaterBytes` of what it was given, so a replay
   * holds about one batch per client in memory however slowly the client reads. False when the socket
   * went away, or was cut off for not reading for `replayStallMs`.
   */
  private async drained(socket: LiveSocket): Promise<boolean> {
    const giveUp = Date.now() + this.options.replayStallMs
    while (socket.connected && bufferedBytes(socket) > this.options.replayLowWaterBytes) {
      if (Date.now() > giveUp) {
        this.cutOff(socket, 'client stopped reading its replay: dropping its connection; it replays later', { buffered: bufferedBytes(socket) })
        return false
      }
      await sleep(20)
    }
    return socket.connected
  }

  private async welcome(socket: LiveSocket): Promise<void> {
    const { since } = socket.data
    socket.onAny((event: string, ...args: unknown[]) => this.onClientFrame(socket, event, args))
    try {
      const { newest, oldest } = await logPosition(this.db)
      let cursor = since ?? this.sent
      const behind = newest - cursor
      if (cursor > newest || behind > this.options.maxReplay || (oldest > 0 && cursor < oldest - 1)) {
        socket.emit('live:resync', { reason: cursor > newest ? 'ahead of the log' : 'too far behind', seq: this.sent })
        cursor = this.sent
      }
      // A client that was on a process further along (one since killed) has changes this one has yet to send:
      // this one sends up to there first, or its next batch would give the client some of them again. The
      // leader hands them to the others too, as its pump would.
      if (cursor > this.sent) await this.enqueue(() => this.readLog(cursor, this.leading))
      socket.emit('live:hello', { protocol: PROTOCOL_VERSION, seq: cursor })
      const wanted = new Set<Room>(socket.data.rooms)
      // Replay up to what the pump has sent; the pump may move on meanwhile, so loop until caught up,
      // then join the rooms in the same tick as the last check: the next pump batch reaches this socket.
      while (cursor < this.sent) {
        if (!(await this.drained(socket))) return
        const changes = await readChanges(this.db, cursor, this.sent, this.options.replayBatch)
        if (!socket.connected) return
        const relevant = changes.flatMap((c) => partHeard(c, wanted, roomsOf) ?? [])
        if (relevant.length > 0) socket.emit('live:changes', relevant)
        cursor = changes.at(-1)?.seq ?? this.sent
      }
      if (!socket.connected) return
      const subscription = this.subscriptions.add(socket.data.rooms)
      void socket.join(subscription)
      socket.once('disconnect', () => this.subscriptions.remove(subscription))
    } catch (err) {
      // The client comes back by itself and asks again from the last change it applied.
      if (err instanceof StoreUnavailable) this.cutOff(socket, 'store unreachable during a replay: the client will reconnect', { err: err.message })
      else {
        this.log.error({ err, socket: socket.id }, 'replay failed')
        dropConnection(socket)
      }
    }
  }

  private onClientFrame(socket: LiveSocket, event: string, args: unknown[]): void {
    const schema = clientEvents[event as keyof typeof clientEvents]
    const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as (x: unknown) => void) : null
    const parsed = schema?.safeParse(args[0])
    if (!schema || !parsed?.success) {
      this.log.warn({ socket: socket.id, event }, 'refused a frame the contract does not name')
      ack?.({ error: `unknown or malformed frame ${event}` })
      return
    }
    ack?.({ t: parsed.data.t, seq: this.sent })
  }
}
