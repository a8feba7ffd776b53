// Where the HTTP server listens, and the start-up line that says so. Embedded mode (role all, `npm start`)
// keeps to this machine unless server.host says otherwise: its first start prints the administrator's
// password, and a laptop should not serve it to the café's network. The api and worker roles run in
// containers or behind a load balancer, so they listen on every interface.
import type { DevforgeConfig } from '../../config/schema.ts';

export function listenHost(config: DevforgeConfig): string {
  return config.server.host || (config.server.role === 'all' ? '127.0.0.1' : '0.0.0.0');
}

function origin(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** One line for the log: what this process serves, on which address, and (worker) that it has no API. */
export function listeningLine(role: string, host: string, port: number): string {
  const at = origin(host, port);
  const scope = host === '0.0.0.0' || host === '::' ? 'every interface' : host === '127.0.0.1' || host === '::1' || host === 'localhost' ? 'this machine only; set server.host (DEVFORGE_HOST) to 0.0.0.0 to serve the network' : host;
  if (role === 'worker') return `devforge worker: no API in this process; health and metrics listening on ${at} (/healthz, /readyz, /metrics; ${scope})`;
  return `devforge ${role === 'all' ? 'api + worker' : role} listening on ${at} (${scope}; API reference: ${at}/api/v1/docs)`;
}
