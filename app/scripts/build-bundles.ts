// Builds the browser bundles ahead of time, for the application image: the player's bundle is written to
// its on-disk cache (app/dist/, where the renderer and the web page look first), so no container pays for
// esbuild at its first render; the web client is built too, so an image whose page script does not compile
// fails at build time rather than at the first page view (the server builds that one in memory, once per
// process). Run: node app/scripts/build-bundles.ts
import { clientBundle } from '../src/platform/web/client-bundle.ts';
import { playerBundle } from '../src/render/bundle.ts';

const [player, client] = await Promise.all([playerBundle(), clientBundle()]);
console.log(`player bundle: ${player.length} bytes (cached in app/dist); web client: ${client.length} bytes`);
