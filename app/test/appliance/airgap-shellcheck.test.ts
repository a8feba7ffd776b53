// ShellCheck on the air-gap and Ansible scripts (airgap/, ansible/): they run on vendor build machines and
// customers' hosts, where a quoting slip is a security bug. .ci/run installs shellcheck (Debian's).
import test from 'ava';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

function scripts(dir: string): string[] {
  return readdirSync(join(REPO, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.sh'))
    .map((e) => relative(REPO, join(e.parentPath, e.name)));
}

test('shellcheck passes on every script in airgap/ and ansible/', async (t) => {
  const files = [...scripts('airgap'), ...scripts('ansible')];
  t.true(files.includes('airgap/verify.sh') && files.includes('airgap/build.sh') && files.includes('airgap/lib/assemble.sh'), files.join(' '));
  try {
    await run('shellcheck', ['--external-sources', ...files], { cwd: REPO });
    t.pass();
  } catch (err) {
    const e = err as { code: number | string; stdout?: string };
    if (e.code === 'ENOENT') t.fail('shellcheck is not installed: apt-get install -y shellcheck');
    else t.fail(e.stdout);
  }
});
