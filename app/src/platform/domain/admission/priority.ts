// Who may queue at high priority: it jumps every other user's renders, so it is the administrators' call
// (the policy's animation.priority-high rule); editors get 403 saying what to send instead. And who may
// ask for a webhook (animation.webhook: not a publishable key).
import { DomainError } from '../errors.ts';
import { decide, type Actor } from '../policy.ts';

export function admitPriority(principal: Actor, priority: string, field = 'body.priority'): void {
  if (priority !== 'high') return;
  const decision = decide(principal, 'animation.priority-high');
  if (!decision.allowed) throw new DomainError('forbidden', `${field}: priority "high" is for administrators (${decision.message}); send "normal" or "low"`);
}

export function admitWebhook(principal: Actor, url: string | undefined, field = 'body.webhook_url'): void {
  if (url === undefined) return;
  const decision = decide(principal, 'animation.webhook');
  if (!decision.allowed) throw new DomainError('forbidden', `${field}: ${decision.message}; leave webhook_url out (the widget follows its animation itself)`);
}
