// /widget.js: DevForge.embed(options) draws the widget inside a shadow root of the host page's container
// and returns a handle whose destroy() removes it. The appliance is where this script was loaded from, so
// a page needs nothing but the script tag and its publishable key (docs/widget.md). Whatever else is on
// window.DevForge (the player of the appliance's own pages) is kept.
import { render } from 'preact';
import type { EmbedOptions } from './options.ts';
import { settingsOf } from './options.ts';
import { widgetCss } from './theme.ts';
import { Widget, type Events } from './widget.tsx';

// document.currentScript is set only while this script first runs, so the appliance's address is read now.
const script = document.currentScript as HTMLScriptElement | null;
const BASE = script?.src ? new URL(script.src).origin : location.origin;

/** Calls a host page's handler; its mistakes are its own and must not break the widget. */
function notify<E>(handler: ((e: E) => void) | undefined, event: E): void {
  try {
    handler?.(event);
  } catch (err) {
    console.error('DevForge widget: an event handler of this page threw', err);
  }
}

export interface Handle {
  destroy(): void;
}

export function embed(options: EmbedOptions): Handle {
  const settings = settingsOf(options);
  const root = settings.host.shadowRoot ?? settings.host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(widgetCss(settings.primary));
  root.adoptedStyleSheets = [sheet];
  const mount = document.createElement('div');
  root.replaceChildren(mount);
  const controller = new AbortController();
  const urls: string[] = [];
  const events: Events = {
    ready: (e) => notify(options.onReady, e),
    created: (e) => notify(options.onAnimationCreated, e),
    exported: (e) => notify(options.onExported, e),
    keep: (url) => urls.push(url),
    signal: controller.signal,
  };
  render(<Widget settings={settings} base={BASE} events={events} />, mount);
  return {
    destroy() {
      controller.abort();
      render(null, mount);
      root.replaceChildren();
      root.adoptedStyleSheets = [];
      for (const url of urls) URL.revokeObjectURL(url);
    },
  };
}

const w = window as unknown as { DevForge?: Record<string, unknown> };
w.DevForge = { ...(w.DevForge ?? {}), embed };
