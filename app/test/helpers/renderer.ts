// One Renderer per test file, on this machine's real Chromium and ffmpeg, software encoder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.ts';
import { Renderer } from '../../src/render/renderer.ts';

export function testRenderer(overrides: Record<string, unknown> = {}): Renderer {
  const config = loadConfig({ overrides, env: { ...process.env, DEVFORGE_CONFIG: '' } });
  return new Renderer({ config, encoder: { name: 'libx264', hardware: false, reason: 'tests' }, chromiumGpu: false });
}

export function tempDir(prefix = 'devforge-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
