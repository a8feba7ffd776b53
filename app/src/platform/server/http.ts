// The HTTP listener, and a shutdown that stops taking connections, lets requests in flight finish,
// then cuts what stays open (event streams).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';

export interface HttpServer {
  server: Server;
  port: number;
  close(drainMs?: number): Promise<void>;
}

export async function listen(app: Koa, host: string, port: number): Promise<HttpServer> {
  const handle = app.callback();
  // Koa's handler never rejects: it answers a failing request itself (ctx.onerror), so nothing is left to await here.
  const server = createServer((req, res) => void handle(req, res));
  // Longer than common proxies' idle timeouts, so they never reuse a connection we just closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: (drainMs = 5_000) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), drainMs);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
