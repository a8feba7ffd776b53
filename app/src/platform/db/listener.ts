// One LISTEN connection per process for the platform's own notification channels (animation progress
// for SSE, auth cache invalidation). It reconnects by itself after a database outage and then calls
// every onReconnect hook, so listeners can re-read what they may have missed.
import pg from 'pg';
import type { Logger } from '../log.ts';

type Handler = (payload: string) => void;

export class PgListener {
  private readonly url: string;
  private readonly log: Logger;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly reconnectHooks = new Set<() => void>();
  private client: pg.Client | undefined;
  private stopped = false;
  private retryMs = 250;
  private timer: NodeJS.Timeout | undefined;
  private connected: Promise<void> | undefined;

  constructor(url: string, log: Logger) {
    this.url = url;
    this.log = log;
  }

  on(channel: string, handler: Handler): () => void {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      this.client?.query(`LISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {});
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  onReconnect(hook: () => void): () => void {
    this.reconnectHooks.add(hook);
    return () => this.reconnectHooks.delete(hook);
  }

  /** Resolves once the first connection is up. */
  start(): Promise<void> {
    this.connected ??= this.connect(false);
    return this.connected;
  }

  private async connect(reconnect: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, application_name: 'devforge-listener' });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    client.on('notification', (msg) => {
      for (const handler of this.handlers.get(msg.channel) ?? []) handler(msg.payload ?? '');
    });
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    this.client = client;
    this.retryMs = 250;
    if (reconnect) {
      this.log.info('listener: reconnected to the database');
      for (const hook of this.reconnectHooks) hook();
    }
  }

  private lost(client: pg.Client, err: Error): void {
    if (this.client !== client || this.stopped) return;
    this.client = undefined;
    this.log.warn(`listener: lost the database connection (${err.message}); reconnecting`);
    client.end().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.connect(true).catch(() => {
        this.retryMs = Math.min(this.retryMs * 2, 5_000);
        this.scheduleReconnect();
      });
    }, this.retryMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.client?.end().catch(() => {});
    this.client = undefined;
  }
}
