// Runs the outside-reference check over every file git tracks in a repository (binary files skipped).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findOutsideReferences, type Finding } from './outside-references.ts';

/** Repository-relative paths of the tracked files (forward slashes), from `git ls-files`. */
export function trackedFiles(root: string): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] })
      .split('\0')
      .filter(Boolean);
  } catch (err) {
    throw new Error(`git ls-files failed in ${root} (${(err as Error).message.trim()}): the check reads the list of tracked files from git, so run it in a git checkout`, { cause: err });
  }
}

export function scanRepository(root: string): { files: number; findings: Finding[] } {
  const files = trackedFiles(root);
  const tracked = new Set(files);
  const findings: Finding[] = [];
  let scanned = 0;
  for (const file of files) {
    const full = join(root, file);
    // A tracked file deleted in the working tree is not there to refer to anything.
    if (!existsSync(full)) continue;
    const bytes = readFileSync(full);
    if (bytes.subarray(0, 8000).includes(0)) continue;
    scanned++;
    findings.push(...findOutsideReferences(file, bytes.toString('utf8'), tracked));
  }
  return { files: scanned, findings };
}
