/**
 * A WebSocket-to-TCP proxy on loopback, so Neon's serverless driver can reach a local PostgreSQL
 * server the way it reaches Neon: each WebSocket is piped, byte for byte, to a new TCP connection
 * to the one server given here (never to an address the client asks for).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { neonConfig } from '@neondatabase/serverless'
import { type RawData, WebSocket, WebSocketServer } from 'ws'

export interface NeonProxy {
  /** `127.0.0.1:<port>`, the value for neonConfig.wsProxy (with useSecureWebSocket off). */
  readonly address: string
  close(): Promise<void>
}

let shared: { proxy: Promise<NeonProxy>; users: number } | undefined

/**
 * Points Neon's driver (its global neonConfig) at a proxy to `server`'s host and port, plain
 * WebSocket and no TLS, as a local Neon setup would. One proxy serves every Neon pool of the test
 * file; the returned release closes it after the last one.
 */
export async function useNeonProxy(server: URL): Promise<() => Promise<void>> {
  shared ??= { proxy: startNeonProxy({ host: server.hostname, port: Number(server.port || 5432) }), users: 0 }
  const current = shared
  current.users++
  const { address } = await current.proxy
  neonConfig.webSocketConstructor = WebSocket
  neonConfig.wsProxy = () => address
  neonConfig.useSecureWebSocket = false
  neonConfig.forceDisablePgSSL = true
  neonConfig.pipelineConnect = false
  return async () => {
    if (--current.users > 0) return
    if (shared === current) shared = undefined
    await (await current.proxy).close()
  }
}

export async function startNeonProxy(server: { host: string; port: number }): Promise<NeonProxy> {
  const http = createServer()
  const sockets = new WebSocketServer({ server: http })
  sockets.on('connection', (socket) => {
    const tcp = connect(server.port, server.host)
    tcp.on('data', (data) => socket.send(data))
    tcp.on('close', () => socket.close())
    tcp.on('error', () => socket.close())
    socket.on('message', (data: RawData) => tcp.write(toBuffer(data)))
    socket.on('close', () => tcp.end())
    socket.on('error', () => tcp.destroy())
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    address: `127.0.0.1:${port}`,
    close: async () => {
      for (const client of sockets.clients) client.terminate()
      await new Promise<void>((resolve) => sockets.close(() => resolve()))
      await new Promise<void>((resolve, reject) => http.close((error) => (error ? reject(error) : resolve())))
    },
  }
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)
}
