// devforge analyze --json "<description>" | --jsonl < file. A description not understood (or missing its
// data) prints its analysis, says why on stderr and exits 1 (unless --fallback title-card asks for a title card
// of its words); --jsonl reports it per line and goes on.
import { createInterface } from 'node:readline';
import { analyze, AnalysisError } from '../../analysis/analyze.ts';
import { notUnderstoodMessage } from '../../analysis/understanding.ts';
import { loadConfig } from '../../config/load.ts';
import { description, parse } from '../args.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../errors.ts';
import { fallbackFlag } from '../scene-options.ts';

export async function analyzeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    jsonl: { type: 'boolean' },
    style: { type: 'string' },
    template: { type: 'string' },
    fallback: { type: 'string' },
  });
  const config = loadConfig();
  const fallback = fallbackFlag(values.fallback);
  const opts = { style: values.style, template: values.template, maxLength: config.analysis.maxDescriptionLength, ...(fallback ? { fallback } : {}) };
  if (values.jsonl) {
    if (positionals.length) throw new UsageError('--jsonl reads descriptions from standard input, one per line; give no description argument');
    // One line in, one line out, in order; a bad line gets {"error": …} and the rest go on.
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    const out: string[] = [];
    const flush = () => {
      if (out.length) process.stdout.write(out.join('\n') + '\n');
      out.length = 0;
    };
    for await (const line of lines) {
      try {
        out.push(JSON.stringify(analyze(line, opts)));
      } catch (err) {
        if (!(err instanceof AnalysisError)) throw err;
        out.push(JSON.stringify({ error: { code: err.code, message: err.message } }));
      }
      if (out.length >= 256) flush();
    }
    flush();
    return 0;
  }
  const text = description(positionals, 'devforge analyze --json "Projectile launched at 20 m/s at 45 degrees"');
  const analysis = analyze(text, opts);
  console.log(values.json === false ? analysis : JSON.stringify(analysis, null, 2));
  const why = notUnderstoodMessage(analysis, text);
  if (why === undefined) return EXIT_OK;
  console.error(`devforge analyze: ${why}`);
  return EXIT_FAILURE;
}
