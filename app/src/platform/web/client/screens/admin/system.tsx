// /admin/system: GET /system in words: version, GPUs and the video encoder chosen (and why), each worker
// with what it renders now, the queue's jobs by state, storage, the database and the readiness checks.
// Re-read every 5 s while something renders, so progress moves.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../../api.ts';
import type { SystemReport } from '../../api-types.ts';
import { AdminPage, BarChart, ErrorLine, formatBytes } from '../../parts/admin.tsx';
import { formatDate, formatSeconds } from '../../parts/status.tsx';

function Ok({ ok, yes = 'OK', no = 'Not reachable' }: { ok: boolean; yes?: string; no?: string }) {
  return <strong class={ok ? 'status status-completed' : 'status status-failed'}>{ok ? yes : no}</strong>;
}

export function AdminSystemScreen() {
  const [report, setReport] = useState<SystemReport | undefined>(undefined);
  const [error, setError] = useState('');
  const rendering = report?.workers.some((w) => w.rendering.length) ?? false;
  useEffect(() => {
    const load = () => api.system().then(setReport, (err) => setError(messageOf(err)));
    void load();
    if (!rendering) return;
    const timer = setInterval(() => void load(), 5000);
    return () => clearInterval(timer);
  }, [rendering]);
  if (!report)
    return (
      <AdminPage title="System" id="admin-system">
        {error ? <ErrorLine error={error} /> : <p class="muted">Loading…</p>}
      </AdminPage>
    );
  const queues = [...new Set(report.queue.map((q) => q.queue))];
  const g = report.gpus;
  return (
    <AdminPage title="System" id="admin-system">
      <ErrorLine error={error} />
      <div class="grid">
        <section class="panel" aria-labelledby="health-title">
          <h2 id="health-title">Health</h2>
          <p id="health">
            <Ok ok={report.health.ok} yes="Everything answers" no="Something does not answer" />
          </p>
          <dl class="facts">
            {Object.entries(report.health.checks).map(([name, c]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{c.ok ? `OK (${c.ms} ms)` : `Not ready: ${c.error ?? 'no answer'}`}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section class="panel" aria-labelledby="version-title">
          <h2 id="version-title">This appliance</h2>
          <dl class="facts" id="system-facts">
            <div>
              <dt>Version</dt>
              <dd id="system-version">{report.version}</dd>
            </div>
            <div>
              <dt>Node.js</dt>
              <dd>{report.node}</dd>
            </div>
            <div>
              <dt>This process</dt>
              <dd>
                role {report.process.role}, up {formatSeconds(report.process.uptime_s)}
                {report.process.concurrency ? `, ${report.process.concurrency} render${report.process.concurrency > 1 ? 's' : ''} at a time` : ', runs no renders'}
              </dd>
            </div>
            <div>
              <dt>Storage</dt>
              <dd id="system-storage">
                {report.storage.kind === 's3' ? 'S3' : 'Local disk'}: {report.storage.location} — <Ok ok={report.storage.reachable} yes="reachable" no={`not reachable (${report.storage.error})`} />
              </dd>
            </div>
            <div>
              <dt>Database</dt>
              <dd id="system-database">
                {report.database.version.split(' on ')[0]}, {formatBytes(report.database.size_bytes)}
              </dd>
            </div>
          </dl>
        </section>
      </div>
      <section class="panel" aria-labelledby="gpus-title">
        <h2 id="gpus-title">GPUs and video encoder</h2>
        <p id="encoder">
          Encoder: <strong>{g.encoder.name}</strong> ({g.encoder.hardware ? 'on the GPU' : 'on the CPU'}): {g.encoder.reason}
        </p>
        {g.error && <p class="error">nvidia-smi failed: {g.error}</p>}
        {g.gpus.length === 0 ? (
          <p class="muted" id="no-gpus">
            No NVIDIA GPU found: Chromium draws in software and ffmpeg encodes on the CPU.
          </p>
        ) : (
          <table id="gpus">
            <thead>
              <tr>
                <th scope="col">GPU</th>
                <th scope="col">Driver</th>
                <th scope="col">Memory used</th>
                <th scope="col">Busy</th>
              </tr>
            </thead>
            <tbody>
              {g.gpus.map((x) => (
                <tr key={x.uuid}>
                  <td>
                    {x.index}: {x.name}
                  </td>
                  <td>{x.driver_version}</td>
                  <td>
                    {x.memory_used_mib} of {x.memory_total_mib} MiB
                  </td>
                  <td>{x.utilization_pct === null ? '—' : `${x.utilization_pct} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="panel" aria-labelledby="workers-title">
        <h2 id="workers-title">Workers</h2>
        {report.workers.length === 0 ? (
          <p class="muted" id="no-workers">
            No worker has rendered anything in the last 30 days, and none is rendering now.
          </p>
        ) : (
          <ul id="workers" class="sessions">
            {report.workers.map((w) => (
              <li key={w.worker}>
                <strong>{w.worker}</strong>: {w.renders_30d} renders in 30 days{w.last_render_at ? `, last ${formatDate(w.last_render_at)}` : ''}.{' '}
                {w.rendering.length === 0
                  ? 'Idle now.'
                  : w.rendering.map((r) => (
                      <span key={r.animation_id}>
                        Rendering <a href={`/animations/${r.animation_id}`}>{r.description.slice(0, 60)}</a> ({Math.round(r.progress * 100)} %).{' '}
                      </span>
                    ))}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="panel" aria-labelledby="queue-title">
        <h2 id="queue-title">Queue</h2>
        {queues.length === 0 ? (
          <p class="muted">The queue is empty.</p>
        ) : (
          queues.map((name) => (
            <BarChart
              key={name}
              id={`queue-${name}`}
              title={`Jobs in the ${name} queue by state`}
              bars={report.queue.filter((q) => q.queue === name).map((q) => ({ label: q.state, value: q.jobs, text: `${q.jobs} job${q.jobs === 1 ? '' : 's'}` }))}
            />
          ))
        )}
      </section>
    </AdminPage>
  );
}
