// The webhooks guide (/developers/webhooks): what is sent and when, how it is signed, how to verify it
// with the SDK's verifyWebhook, how deliveries are retried, and the signing secret's rotation. Written from
// the webhook code (webhooks/sign.ts, queue/jobs/webhook.ts) and docs/security.md, which it must agree with.
import { APP_PATHS } from '../../../app-paths.ts';
import { can, useApp } from '../../context.ts';
import { CodeBlock, DeveloperPage } from '../../parts/developers.tsx';
import { webhookReceiver } from './examples.ts';

const SIGNED = 'DevForge-Signature: t=1764754800,v1=5f2b…c9e1';

export function DevelopersWebhooksScreen() {
  const { me, branding } = useApp();
  return (
    <DeveloperPage title="Webhooks guide" id="developers-webhooks">
      <section class="panel" aria-labelledby="wh-when">
        <h2 id="wh-when">What is sent, and when</h2>
        <ul>
          <li>
            Give <code>webhook_url</code> with <code>POST /api/v1/animations/generate</code>: when the animation finishes, {branding.productName} sends one JSON <code>POST</code> with the event <code>animation.completed</code>,{' '}
            <code>animation.failed</code> or <code>animation.cancelled</code> and the animation (its status, links to its files).
          </li>
          <li>
            Give <code>callback_url</code> with <code>POST /api/v1/animations/batch</code>: one <code>batch.completed</code> when every item has finished.
          </li>
          <li>
            Each request carries <code>DevForge-Event</code> (the event), <code>DevForge-Delivery</code> (the delivery's id, also <code>delivery_id</code> in the body: the same id on every retry, so handle each id once) and the signature.
          </li>
          <li>Webhooks go only to addresses the administrator allows: private and loopback networks are refused unless opened for your receivers.</li>
        </ul>
      </section>
      <section class="panel" aria-labelledby="wh-sign">
        <h2 id="wh-sign">Signing</h2>
        <p>
          Every delivery is signed with your account's secret: <code>v1</code> is the hex HMAC-SHA256 of the timestamp <code>t</code>, a dot and the raw body.
        </p>
        <CodeBlock label="The signature header" code={SIGNED} id="example-signature" />
        <p>
          Read your secret with <code>GET /api/v1/webhooks/signing-secret</code> (editors and administrators; each reading is audited)
          {can(me, 'webhook.list-all') ? (
            <>
              {' '}
              or on the <a href={APP_PATHS.adminWebhooks}>webhooks page</a>
            </>
          ) : (
            ''
          )}
          .
        </p>
      </section>
      <section class="panel" aria-labelledby="wh-verify">
        <h2 id="wh-verify">Verifying with the SDK</h2>
        <p>
          <code>verifyWebhook(signature, rawBody, secret)</code> recomputes the HMAC over the body exactly as received (verify before parsing: re-serialised JSON is not the same bytes), compares in constant time, and refuses a timestamp
          more than 5 minutes from now (a replay). A receiver in Node:
        </p>
        <CodeBlock label="A webhook receiver (TypeScript)" code={webhookReceiver()} id="example-receiver" />
      </section>
      <section class="panel" aria-labelledby="wh-retry">
        <h2 id="wh-retry">Retries</h2>
        <ul>
          <li>
            Any 2xx answer is a delivery. A non-2xx answer, a timeout (webhooks.timeoutMs, 10 seconds by default) or a refused connection is retried: webhooks.retryLimit times (6 by default), the first after webhooks.retryDelayS (5 seconds
            by default), each further wait doubled (with jitter). Your administrator may have set other values.
          </li>
          <li>An address the appliance may not reach (a refused network, a URL with credentials, a host that does not resolve to an allowed address) fails at once: retrying cannot help.</li>
          <li>
            Each attempt is recorded: an animation's page lists its deliveries, and <code>GET /api/v1/webhooks/deliveries</code> returns them. A failed delivery can be sent again (
            <code>POST /api/v1/webhooks/deliveries/{'{id}'}/redeliver</code>).
          </li>
          <li>Answer fast (do the work after answering), and handle the same delivery id twice without harm: a retry after an answer that was lost is the same delivery again.</li>
        </ul>
      </section>
      <section class="panel" aria-labelledby="wh-rotate">
        <h2 id="wh-rotate">Rotating the secret</h2>
        <p>
          <code>POST /api/v1/webhooks/signing-secret/rotate</code> makes a new secret. For the overlap (webhooks.secretOverlapHours, 24 hours by default) each delivery carries two <code>v1</code>, the new secret's first:{' '}
          <code>verifyWebhook</code> accepts either, so give your receivers the new secret any time before <code>previous_valid_until</code>.
        </p>
      </section>
    </DeveloperPage>
  );
}
