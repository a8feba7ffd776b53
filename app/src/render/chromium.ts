// Finds and launches Chromium through puppeteer-core, and keeps one browser warm across jobs.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findBinary } from '../util/find-binary.ts';
import { MissingToolError } from '../ffmpeg/process.ts';

/** Looked at in order when chromium.path is empty. The headless shell is the leanest for rendering. */
export const CHROMIUM_CANDIDATES = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
];

export function locateChromium(configured: string, candidates = CHROMIUM_CANDIDATES): string {
  if (configured) {
    const found = findBinary(configured);
    if (!found) throw new MissingToolError(`Chromium not found at chromium.path = "${configured}" (DEVFORGE_CHROMIUM_PATH): fix the path, or clear it to look in the usual places`);
    return found;
  }
  for (const candidate of candidates) {
    const found = findBinary(candidate);
    if (found) return found;
  }
  throw new MissingToolError(`Chromium not found (looked in ${candidates.join(', ')}): install it with "apt-get install chromium chromium-headless-shell", or set chromium.path (DEVFORGE_CHROMIUM_PATH)`);
}

export interface BrowserOptions {
  executablePath: string;
  gpu: boolean;
  extraArgs: string[];
  launchTimeoutMs: number;
}

/** Flags for an offline, reproducible renderer. */
export function chromiumArgs(opts: Pick<BrowserOptions, 'gpu' | 'extraArgs'>): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-dev-shm-usage',
    '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--force-color-profile=srgb',
    '--font-render-hinting=none',
    // Nothing resolves but the renderer's own loopback server.
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    '--no-proxy-server',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (opts.gpu) {
    args.push('--ignore-gpu-blocklist', '--enable-gpu-rasterization', '--use-gl=angle', '--use-angle=vulkan', '--enable-features=Vulkan,VulkanFromANGLE,DefaultANGLEVulkan');
  } else {
    args.push('--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader');
  }
  return [...args, ...opts.extraArgs];
}

export class BrowserPool {
  private browser: Promise<Browser> | undefined;
  private readonly options: BrowserOptions;

  constructor(options: BrowserOptions) {
    this.options = options;
  }

  private launch(): Promise<Browser> {
    const shell = this.options.executablePath.includes('headless-shell');
    const launching = puppeteer
      .launch({
        executablePath: this.options.executablePath,
        headless: shell ? 'shell' : true,
        args: chromiumArgs(this.options),
        // Frames leave the page over HTTP; with network monitoring on, CDP copies every body.
        networkEnabled: false,
        issuesEnabled: false,
        defaultViewport: null,
        timeout: this.options.launchTimeoutMs,
        protocolTimeout: 0,
        pipe: true,
        // The application owns shutdown: on SIGTERM running renders get a grace period first.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      })
      .then((browser) => {
        browser.once('disconnected', () => {
          if (this.browser === launching) this.browser = undefined;
        });
        return browser;
      });
    launching.catch(() => {
      if (this.browser === launching) this.browser = undefined;
    });
    return launching;
  }

  /** Starts Chromium now (if it is not running) so a render that follows finds it ready. */
  warm(): void {
    this.browser ??= this.launch();
    this.browser.catch(() => {});
  }

  /** Runs fn on a fresh page in its own browser context (one context per page: see docs/rendering.md). */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    this.browser ??= this.launch();
    const browser = await this.browser;
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      return await fn(page);
    } finally {
      await context.close().catch(() => {});
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser).close().catch(() => {});
  }
}
