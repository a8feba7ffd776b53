// Which Host headers this appliance answers. Without server.publicUrl, links in answers are built from
// the Host the client sent, so a Host of an attacker's choosing would become every link (password
// reset mails, webhook payload links, Location headers). Then only the names in server.allowedHosts,
// loopback names and the address it listens on are answered; others get 400 saying what to set. With
// server.publicUrl set, links come from it and the Host is not used. Health, readiness and metrics
// answer any Host (probes use the pod's address) and carry no links.
import type { Context, Next } from 'koa';
import type { DevforgeConfig } from '../../config/schema.ts';
import { Problem } from '../api/problems.ts';
import { listenHost } from './listen-address.ts';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]', '::1'];
const ANY_HOST_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export function hostCheck(config: DevforgeConfig) {
  const listen = listenHost(config);
  const allowed = new Set(
    [
      ...LOOPBACK,
      ...(listen === '0.0.0.0' || listen === '::' ? [] : [listen, `[${listen}]`]),
      ...config.server.allowedHosts
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    ].map((h) => h.toLowerCase()),
  );
  const enforced = !config.server.publicUrl;
  return async function checkHost(ctx: Context, next: Next): Promise<void> {
    // ctx.hostname: the Host header without its port (X-Forwarded-Host behind a trusted proxy).
    if (enforced && !ANY_HOST_PATHS.has(ctx.path) && !allowed.has(ctx.hostname.toLowerCase())) {
      throw new Problem(
        'bad-request',
        `this appliance does not answer to the host "${ctx.hostname.slice(0, 100)}": set server.publicUrl (DEVFORGE_PUBLIC_URL) to the URL people reach it at, or list the name in server.allowedHosts (DEVFORGE_ALLOWED_HOSTS)`,
      );
    }
    await next();
  };
}
