// An analysis's facts as a readable list (labels.ts words them): "Swaps 4", "Range 40.78 m", never JSON.
import { factRows } from '../labels.ts';

export function Facts({ facts }: { facts: Record<string, unknown> }) {
  const rows = factRows(facts);
  if (!rows.length) return <p class="muted">No figures for this one.</p>;
  return (
    <dl class="facts" id="facts">
      {rows.map((r) => (
        <div key={r.label}>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
