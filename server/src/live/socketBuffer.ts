import type { Socket } from 'socket.io'

/** The parts of engine.io's connection we read; its typings call them private. */
type EngineConnection = {
  writeBuffer: { data?: unknown }[]
  transport: { name: string; socket?: { bufferedAmount?: number; terminate?(): void } }
  close(): void
}

/**
 * Bytes given to a socket that have not yet left for the network: the packets engine.io holds for its
 * transport, plus what the websocket has accepted but the kernel has not (`ws`'s `bufferedAmount`). A
 * websocket transport takes every packet at once, so engine.io's queue alone stays near empty for a
 * client that never reads; the websocket's buffer is where such a client's backlog grows.
 */
export function bufferedBytes(socket: Socket): number {
  const conn = socket.conn as unknown as EngineConnection
  let bytes = 0
  for (const packet of conn.writeBuffer) {
    const data = packet.data
    if (typeof data === 'string') bytes += Buffer.byteLength(data)
    else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) bytes += data.byteLength
  }
  if (conn.transport.name === 'websocket') bytes += conn.transport.socket?.bufferedAmount ?? 0
  return bytes
}

/**
 * Ends a socket's connection now, freeing what it holds. Closing the transport (not `socket.disconnect`,
 * after which a Socket.IO client never comes back) makes the client reconnect by itself; a websocket is
 * then terminated as well, because `ws` otherwise waits 30 s for the closing handshake of a peer that
 * may never read it, holding the bytes it was given all that time.
 */
export function dropConnection(socket: Socket): void {
  const conn = socket.conn as unknown as EngineConnection
  const transport = conn.transport
  conn.close()
  if (transport.name === 'websocket') transport.socket?.terminate?.()
}
