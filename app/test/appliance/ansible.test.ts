// The Ansible playbook (ansible/): `ansible-playbook --syntax-check` and `ansible-lint` (production profile)
// pass, and the example inventory has the shape docs/ansible.md describes (one appliance, two render nodes).
// Both tools are required: .ci/run installs them (Debian's ansible and ansible-lint); a machine without them
// fails here with the line that installs them.
import test from 'ava';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ANSIBLE = fileURLToPath(new URL('../../../ansible/', import.meta.url));
const INSTALL = 'apt-get install -y ansible ansible-lint (Debian 12: ansible-core 2.14, ansible-lint 6.13)';

async function tool(cmd: string, args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd: ANSIBLE, env: { ...process.env, NO_COLOR: '1', ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: '/tmp' }, maxBuffer: 16 << 20 });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number | string; stdout?: string; stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`${cmd} is not installed: ${INSTALL}`, { cause: err });
    return { code: Number(e.code), out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

test('ansible-playbook --syntax-check passes on site.yml with the example inventory', async (t) => {
  const r = await tool('ansible-playbook', ['-i', 'inventory.example.yml', 'site.yml', '--syntax-check']);
  t.is(r.code, 0, r.out);
  t.regex(r.out, /playbook: site\.yml/);
});

test('ansible-lint passes with the production profile', async (t) => {
  const r = await tool('ansible-lint', ['--profile', 'production', '--nocolor']);
  t.is(r.code, 0, r.out);
  t.regex(r.out, /Passed with production profile: 0 failure\(s\), 0 warning\(s\)/);
});

test('the example inventory has one appliance and two render nodes, and site.yml runs every role', async (t) => {
  const r = await tool('ansible-inventory', ['-i', 'inventory.example.yml', '--list']);
  t.is(r.code, 0, r.out);
  const inventory = JSON.parse(r.out.slice(r.out.indexOf('{'))) as Record<string, { hosts?: string[] }>;
  t.is(inventory.appliance?.hosts?.length, 1);
  t.is(inventory.render_nodes?.hosts?.length, 2);
  const tasks = await tool('ansible-playbook', ['-i', 'inventory.example.yml', 'site.yml', '--list-tasks']);
  t.is(tasks.code, 0, tasks.out);
  for (const role of ['preflight', 'docker', 'nvidia_container_toolkit', 'appliance', 'backup', 'render_worker']) t.regex(tasks.out, new RegExp(`\\b${role} : `), role);
});
