// Job failures are classified by their class, never their wording: what a retry cannot fix is
// permanent (an unrenderable scene, a scene over a limit, a webhook URL that is refused), the rest is
// retried. The retry behaviour against the real database is in jobs.test.ts.
import test from 'ava';
import { MathError } from '../../src/render/math.ts';
import { PresetError } from '../../src/render/presets.ts';
import { RenderError, RenderLimitError } from '../../src/render/renderer.ts';
import { SceneValidationError } from '../../src/scene/validate.ts';
import { RenderFailure, WebhookFailure } from '../../src/platform/domain/failures.ts';
import { classifyRenderError } from '../../src/platform/queue/jobs/render.ts';
import { WebhookPolicy } from '../../src/platform/webhooks/policy.ts';

test('render errors: an unrenderable scene or one over a limit is permanent, anything else is retried', (t) => {
  const cases: [unknown, string, boolean][] = [
    [new SceneValidationError([{ path: 'duration', message: 'must be positive' }]), 'scene-unrenderable', true],
    [new MathError('bad TeX'), 'scene-unrenderable', true],
    [new PresetError('no such preset'), 'scene-unrenderable', true],
    [new RenderLimitError('duration 900s is over the limit of 600s (render.maxDurationS)'), 'over-limit', true],
    [new RenderError('no frame for 30s: the render page stalled'), 'render-failed', false],
    [new Error('browser crashed'), 'render-failed', false],
    [new RenderFailure('storage-failed', 'storing x failed'), 'storage-failed', false],
  ];
  for (const [err, code, permanent] of cases) {
    const failure = classifyRenderError(err);
    t.like(failure, { code, permanent }, String(err));
    t.is(failure.message, (err as Error).message);
  }
  // The wording alone decides nothing any more.
  t.false(classifyRenderError(new Error('a value over the limit')).permanent);
});

test('webhook URLs the policy refuses are permanent failures, with the code saying why', (t) => {
  const policy = new WebhookPolicy({ allowedHosts: '', allowNetworks: '', deniedNetworks: '169.254.0.0/16', denyPrivateNetworks: false });
  const refused = (url: string) => t.throws(() => policy.checkUrl(url), { instanceOf: WebhookFailure });
  t.like(refused('http://user:secret@example.com/hook'), { code: 'url-credentials', permanent: true });
  t.like(refused('ftp://example.com/hook'), { code: 'url-invalid', permanent: true });
  t.like(refused('not a url'), { code: 'url-invalid', permanent: true });
  t.like(refused('http://metadata.google.internal/'), { code: 'host-not-allowed', permanent: true });
  t.like(refused('http://169.254.169.254/latest/'), { code: 'network-denied', permanent: true });
  t.notThrows(() => policy.checkUrl('https://example.com/hook'));
  t.false(new WebhookFailure('http-status', 'the receiver answered HTTP 503').permanent);
  t.false(new WebhookFailure('timeout', 'no answer within 3000 ms').permanent);
  t.false(new WebhookFailure('host-unresolvable', 'getaddrinfo ENOTFOUND').permanent);
});
