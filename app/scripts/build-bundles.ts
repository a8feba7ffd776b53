// Builds the browser bundles ahead of time, for the application image (`npm run build`): the player's
// bundle goes to its on-disk cache (app/dist/, where the renderer and the web app look first), so no
// container pays for esbuild at its first render, and the web app's script to app/dist/web/ (served from
// there; built in memory only where it is missing), and the embeddable widget's (/widget.js) beside it, so an image whose app does not compile fails at build
// time rather than at the first page view. Run: npm run build
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { writeClientBundle } from '../src/platform/web/client-bundle.ts';
import { playerBundle } from '../src/render/bundle.ts';

const [player, client, widget] = await Promise.all([playerBundle(), writeClientBundle('app'), writeClientBundle('widget')]);
const gzipped = (file: string) => gzipSync(readFileSync(file)).length;
console.log(
  `player bundle: ${player.length} bytes (cached in app/dist); web app: ${client.bytes} bytes minified, ${gzipped(client.file)} gzipped (${client.file}); widget: ${widget.bytes} bytes minified, ${gzipped(widget.file)} gzipped (${widget.file})`,
);
