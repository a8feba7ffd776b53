// Where each role listens by default, and the start-up line that tells the operator.
import test from 'ava';
import { loadConfig } from '../../src/config/load.ts';
import { listenHost, listeningLine } from '../../src/platform/server/listen-address.ts';

test('embedded mode (role all) keeps to this machine; the api and worker roles listen on every interface; server.host wins', (t) => {
  t.is(listenHost(loadConfig({ env: {} })), '127.0.0.1');
  t.is(listenHost(loadConfig({ env: { DEVFORGE_ROLE: 'api' } })), '0.0.0.0');
  t.is(listenHost(loadConfig({ env: { DEVFORGE_ROLE: 'worker' } })), '0.0.0.0');
  t.is(listenHost(loadConfig({ env: { DEVFORGE_HOST: '0.0.0.0' } })), '0.0.0.0');
  t.is(listenHost(loadConfig({ env: { DEVFORGE_ROLE: 'api', DEVFORGE_HOST: '10.0.0.5' } })), '10.0.0.5');
});

test('the start-up line says where it listens, and a worker says it serves no API', (t) => {
  t.is(listeningLine('api', '0.0.0.0', 8080), 'devforge api listening on http://0.0.0.0:8080 (every interface; API reference: http://0.0.0.0:8080/api/v1/docs)');
  t.regex(listeningLine('all', '127.0.0.1', 8080), /^devforge api \+ worker listening on http:\/\/127\.0\.0\.1:8080 \(this machine only; set server\.host \(DEVFORGE_HOST\) to 0\.0\.0\.0/);
  t.regex(listeningLine('worker', '0.0.0.0', 9100), /^devforge worker: no API in this process; health and metrics listening on http:\/\/0\.0\.0\.0:9100 /);
  t.regex(listeningLine('api', '::', 8080), /listening on http:\/\/\[::\]:8080/);
});

test('server.trustProxyHops must be at least 1', (t) => {
  t.is(loadConfig({ env: { DEVFORGE_TRUST_PROXY: 'true', DEVFORGE_TRUST_PROXY_HOPS: '2' } }).server.trustProxyHops, 2);
  t.throws(() => loadConfig({ env: { DEVFORGE_TRUST_PROXY_HOPS: '0' } }), { message: /server\.trustProxyHops: must be a whole number, at least 1/ });
});
