// Prometheus metrics for one platform process, with prom-client: HTTP requests, renders, password checks, rate-limit refusals, queue depth
// and animations by status (read at scrape time), plus Node's default metrics (event-loop lag and its
// percentiles from monitorEventLoopDelay, heap, GC, CPU). Each Metrics owns its registry, so the
// several servers a test process starts never share or double-register series.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface ScrapeSources {
  queueDepth?: () => Promise<{ queue: string; queued: number; active: number }[]>;
  animationsByStatus?: () => Promise<{ status: string; count: number }[]>;
}

export class Metrics {
  readonly registry = new Registry();
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly requestSeconds: Histogram<'method' | 'route'>;
  readonly renders: Counter<'outcome'>;
  readonly renderSeconds: Histogram;
  readonly rendersActive: Gauge;
  readonly passwordChecks: Counter;
  readonly rateLimited: Counter<'budget'>;
  readonly eventStreams: Gauge;
  readonly postgresRestarts: Counter;

  constructor(sources: ScrapeSources = {}) {
    const registers = [this.registry];
    this.requests = new Counter({ name: 'devforge_http_requests_total', help: 'HTTP requests answered, by method, route and status.', labelNames: ['method', 'route', 'status'], registers });
    this.requestSeconds = new Histogram({
      name: 'devforge_http_request_duration_seconds',
      help: 'HTTP request latency in seconds, by method and route.',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.renders = new Counter({ name: 'devforge_renders_total', help: 'Render attempts finished, by outcome (completed, failed, retried, cancelled).', labelNames: ['outcome'], registers });
    this.renderSeconds = new Histogram({ name: 'devforge_render_duration_seconds', help: 'Wall time of completed renders in seconds.', buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800], registers });
    this.eventStreams = new Gauge({ name: 'devforge_event_streams', help: 'Event streams (SSE) this process holds open now.', registers });
    this.rendersActive = new Gauge({ name: 'devforge_renders_active', help: 'Renders running in this process now.', registers });
    // Each one is a deliberately slow scrypt: a rise here without sign-ins is someone guessing.
    this.rateLimited = new Counter({ name: 'devforge_rate_limited_total', help: 'Requests refused over a rate limit, by budget (api, generate, sign-in; lockout: a locked account).', labelNames: ['budget'], registers });
    this.passwordChecks = new Counter({ name: 'devforge_password_checks_total', help: "Passwords checked (sign-in, changing one's password), after the lockout let the attempt through.", registers });
    this.postgresRestarts = new Counter({ name: 'devforge_embedded_postgres_restarts_total', help: 'Times the supervisor started the embedded Postgres again after it died (embedded mode).', registers });
    const { queueDepth, animationsByStatus } = sources;
    if (queueDepth) {
      new Gauge({
        name: 'devforge_queue_jobs',
        help: 'Jobs in each queue, by state (queued: waiting or retrying, active: running).',
        labelNames: ['queue', 'state'],
        registers,
        // A scrape during a database outage still answers, without these series.
        async collect() {
          this.reset();
          for (const q of await queueDepth().catch(() => [])) {
            this.set({ queue: q.queue, state: 'queued' }, q.queued);
            this.set({ queue: q.queue, state: 'active' }, q.active);
          }
        },
      });
    }
    if (animationsByStatus) {
      new Gauge({
        name: 'devforge_animations',
        help: 'Animations stored, by status.',
        labelNames: ['status'],
        registers,
        async collect() {
          this.reset();
          for (const r of await animationsByStatus().catch(() => [])) this.set({ status: r.status }, r.count);
        },
      });
    }
    collectDefaultMetrics({ register: this.registry });
  }

  /** The content type of render()'s text (Prometheus text format 0.0.4). */
  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
