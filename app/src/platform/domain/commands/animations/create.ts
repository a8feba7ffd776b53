// Creating an animation: check it against the license, analyse and compose now (bad input fails here),
// store the animation with its scene spec, count it for the month and queue its render in the same transaction.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Analysis } from '../../../../analysis/analyze.ts';
import { brandScene } from '../../../../scene/brand-palette.ts';
import type { Scene } from '../../../../scene/schema.ts';
import type { Principal } from '../../../auth/principal.ts';
import { AnimationEntity, type Animation, type Branding } from '../../../db/entities/animation.ts';
import { admitIntoQueue, admitRequest, admitScene } from '../../admission/index.ts';
import { recordAudit, type Origin } from '../../audit/record.ts';
import { recordAccepted } from '../usage/record-accepted.ts';
import { DomainError } from '../../errors.ts';
import { WebhookFailure } from '../../failures.ts';
import { admitToLicense, holdMonthlyLimit, licenseEntitlements } from '../../license/admission.ts';
import { authorize, type Actor, type Entitlements } from '../../policy.ts';
import { composeRequest, type SceneRequest } from './compose.ts';
import { PRIORITIES, type AnimationDeps } from './deps.ts';
import { queuedAheadSeconds, renderSecondsFor } from './estimate.ts';

/** What an animation is made from (the API's generate body is one). */
export interface NewAnimation extends Omit<SceneRequest, 'quality'> {
  /** Default: render.defaultResolution, capped at the license's highest quality. */
  quality?: SceneRequest['quality'];
  custom_branding?: Branding;
  /** Receives a signed POST when the animation completes or fails. */
  webhook_url?: string;
  priority: keyof typeof PRIORITIES;
}

export interface PreparedAnimation {
  input: NewAnimation & { quality: SceneRequest['quality'] };
  analysis: Analysis;
  scene: Scene;
}

export async function checkWebhookUrl(policy: AnimationDeps['webhooks'], url: string | undefined, field: string): Promise<void> {
  if (url === undefined) return;
  try {
    await policy.check(url);
  } catch (err) {
    if (err instanceof WebhookFailure) throw new DomainError('webhook-url-not-allowed', `${field}: ${err.message}`, { fields: [{ field, message: err.message }] });
    throw err;
  }
}

export async function prepareAnimation(deps: AnimationDeps, raw: NewAnimation, entitlements: Entitlements, field = 'body'): Promise<PreparedAnimation> {
  const input = { ...raw, quality: await admitToLicense(deps, entitlements, raw) };
  const composed = await composeRequest(input, deps.config, deps.scenes);
  // The brand's colour in the animation itself (scene/brand-palette.ts; the preview applies the same).
  const scene = brandScene(composed.scene, input.custom_branding?.colors);
  const analysis = composed.analysis;
  admitScene(deps.config, input.quality, scene, field);
  await checkWebhookUrl(deps.webhooks, input.webhook_url, `${field}.webhook_url`);
  return { input, analysis, scene };
}

function branding(input: NewAnimation): Branding | null {
  const b = input.custom_branding;
  return b ? { ...b } : null;
}

/** Who submits an animation: the owner, and the API key it came with (for the usage report). */
export type Submitter = Pick<Principal, 'userId'> & Partial<Pick<Principal, 'apiKeyId'>>;

/** Inserts the animation, its render job and its accepted-ledger row; all exist only if `tx` commits. */
export async function insertAnimation(tx: EntityManager, deps: AnimationDeps, principal: Submitter, prepared: PreparedAnimation, extra: { batchId?: string; clientRef?: string; aheadS: number }): Promise<Animation> {
  const { input, analysis, scene } = prepared;
  const priority = PRIORITIES[input.priority];
  const renderS = renderSecondsFor(input.quality, scene.duration);
  const jobId = randomUUID();
  const repo = tx.getRepository(AnimationEntity);
  const animation = await repo.save(
    repo.create({
      ownerId: principal.userId,
      batchId: extra.batchId ?? null,
      clientRef: extra.clientRef ?? null,
      description: input.description,
      title: null,
      style: analysis.style,
      quality: input.quality,
      fps: scene.fps,
      durationS: scene.duration,
      template: analysis.template,
      params: analysis.params,
      facts: analysis.facts,
      analysis: { confidence: analysis.confidence, alternatives: analysis.alternatives, warnings: analysis.warnings, matched: analysis.matched },
      scene: scene as unknown as Record<string, unknown>,
      branding: branding(input),
      webhookUrl: input.webhook_url ?? null,
      status: 'queued',
      progress: 0,
      error: null,
      outputs: null,
      generation: 1,
      attempts: 0,
      priority,
      renderJobId: jobId,
      // New animations are private to their owner until they share them.
      orgVisible: false,
      startedAt: null,
      completedAt: null,
      estimatedCompletion: new Date(Date.now() + (extra.aheadS + renderS) * 1000),
    }),
  );
  await deps.queue.send('render', { animationId: animation.id, generation: 1 }, { id: jobId, priority, singletonKey: animation.id }, tx);
  await recordAccepted(tx, { animationId: animation.id, ownerId: animation.ownerId, apiKeyId: principal.apiKeyId, quality: animation.quality });
  return animation;
}

export async function createAnimation(deps: AnimationDeps, principal: Actor & Submitter, input: NewAnimation, origin?: Origin): Promise<Animation> {
  authorize(principal, 'animation.create');
  admitRequest(deps.config, principal, input);
  const entitlements = await licenseEntitlements(deps);
  const prepared = await prepareAnimation(deps, input, entitlements);
  const aheadS = await queuedAheadSeconds(deps.db);
  return deps.db.transaction(async (tx) => {
    await admitIntoQueue(tx, deps.config, principal.userId, 'render');
    const animation = await insertAnimation(tx, deps, principal, prepared, { aheadS });
    await holdMonthlyLimit(tx, entitlements, 1);
    await recordAudit(tx, { actor: principal, action: 'animation.generate', target: { type: 'animation', id: animation.id }, origin, details: { template: animation.template, quality: animation.quality, duration_s: animation.durationS } });
    return animation;
  });
}
