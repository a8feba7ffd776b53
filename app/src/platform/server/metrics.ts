// Prometheus metrics in the text exposition format (version 0.0.4), without a client library: a few
// counters, gauges and histograms, plus values read at scrape time (queue depth, animations by status).

type Labels = Record<string, string>;

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (!entries.length) return '';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}

// Call sites always pass the same label names in the same order, so the values alone are the key.
const keyOf = (labels: Labels) => Object.values(labels).join('\u0001');

class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  readonly name: string;
  readonly help: string;
  constructor(name: string, help: string) {
    this.name = name;
    this.help = help;
  }
  inc(labels: Labels = {}, by = 1): void {
    const key = keyOf(labels);
    const entry = this.values.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.values.set(key, entry);
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${value}`);
    return lines.join('\n');
  }
}

class Gauge {
  private value = 0;
  readonly name: string;
  readonly help: string;
  constructor(name: string, help: string) {
    this.name = name;
    this.help = help;
  }
  add(by: number): void {
    this.value += by;
  }
  render(): string {
    return `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} gauge\n${this.name} ${this.value}`;
  }
}

class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  readonly name: string;
  readonly help: string;
  readonly buckets: number[];
  constructor(name: string, help: string, buckets: number[]) {
    this.name = name;
    this.help = help;
    this.buckets = buckets;
  }
  observe(labels: Labels, value: number): void {
    const key = keyOf(labels);
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((le, i) => lines.push(`${this.name}_bucket${labelText({ ...s.labels, le: String(le) })} ${s.counts[i]}`));
      lines.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`);
      lines.push(`${this.name}_sum${labelText(s.labels)} ${s.sum}`);
      lines.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return lines.join('\n');
  }
}

export interface ScrapeSources {
  queueDepth?: () => Promise<{ queue: string; queued: number; active: number }[]>;
  animationsByStatus?: () => Promise<{ status: string; count: number }[]>;
}

export class Metrics {
  readonly requests = new Counter('devforge_http_requests_total', 'HTTP requests answered, by method, route and status.');
  readonly requestSeconds = new Histogram('devforge_http_request_duration_seconds', 'HTTP request latency in seconds, by method and route.', [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);
  readonly renders = new Counter('devforge_renders_total', 'Render attempts finished, by outcome (completed, failed, retried, cancelled).');
  readonly renderSeconds = new Histogram('devforge_render_duration_seconds', 'Wall time of completed renders in seconds.', [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800]);
  readonly rendersActive = new Gauge('devforge_renders_active', 'Renders running in this process now.');

  async render(sources: ScrapeSources = {}): Promise<string> {
    const parts = [this.requests.render(), this.requestSeconds.render(), this.renders.render(), this.renderSeconds.render(), this.rendersActive.render()];
    if (sources.queueDepth) {
      const depth = await sources.queueDepth().catch(() => []);
      parts.push('# HELP devforge_queue_jobs Jobs in each queue, by state (queued: waiting or retrying, active: running).', '# TYPE devforge_queue_jobs gauge');
      for (const q of depth) parts.push(`devforge_queue_jobs${labelText({ queue: q.queue, state: 'queued' })} ${q.queued}`, `devforge_queue_jobs${labelText({ queue: q.queue, state: 'active' })} ${q.active}`);
    }
    if (sources.animationsByStatus) {
      const rows = await sources.animationsByStatus().catch(() => []);
      parts.push('# HELP devforge_animations Animations stored, by status.', '# TYPE devforge_animations gauge');
      for (const r of rows) parts.push(`devforge_animations${labelText({ status: r.status })} ${r.count}`);
    }
    return parts.join('\n') + '\n';
  }
}
