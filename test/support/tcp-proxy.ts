// A TCP proxy between the app and a database server that the test can cut (every connection reset,
// new ones refused with a reset) or stall (bytes stop flowing both ways, as in a network partition
// or a hung server), and restore. The port stays the same throughout, so the app's DATABASE_URL does.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  cut(): void;
  stall(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function tcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: 'open' | 'cut' | 'stall' = 'open';
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    client.on('error', () => {});
    if (mode === 'cut') return client.resetAndDestroy();
    const upstream = net.connect(target.port, target.host);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    const forget = () => pairs.delete(pair);
    client.on('close', forget);
    upstream.on('close', () => { forget(); client.destroy(); });
    client.on('close', () => upstream.destroy());
    if (mode !== 'stall') connect(pair);
  });
  const connect = ([client, upstream]: [net.Socket, net.Socket]) => {
    client.pipe(upstream);
    upstream.pipe(client);
  };
  // Unpiped and paused, a socket's bytes stay in the kernel until restore() pipes it again.
  const disconnect = ([client, upstream]: [net.Socket, net.Socket]) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      mode = 'cut';
      for (const [client, upstream] of pairs) { client.resetAndDestroy(); upstream.destroy(); }
    },
    stall() {
      mode = 'stall';
      for (const pair of pairs) disconnect(pair);
    },
    restore() {
      if (mode === 'stall') for (const pair of pairs) connect(pair);
      mode = 'open';
    },
    async close() {
      for (const [client, upstream] of pairs) { client.destroy(); upstream.destroy(); }
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
