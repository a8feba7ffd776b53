// The one answer to "may this principal do this to that?", for every route and job. Roles are ordered
// (viewer < editor < admin); things people own (animations, batches, keys, webhook deliveries) are
// theirs and every admin's, and can be shared through grants; a licence can switch features off
// through entitlements. Nothing else in the platform compares roles or owner ids.
//
// Extension points: sharing adds rows that become `grants` on a resource; licensing passes an
// `entitlements` object and names the feature an action needs in RULES. Neither changes a caller.
import { DomainError } from './errors.ts';
import type { Principal, Role } from '../auth/principal.ts';
import { roleAllows } from '../auth/roles.ts';

export const ACTIONS = [
  'analysis.run',
  'animation.create',
  'animation.priority-high',
  'animation.list',
  'animation.list-all',
  'animation.read',
  'animation.cancel',
  'animation.rerender',
  'animation.delete',
  'batch.create',
  'batch.read',
  'webhook.list',
  'webhook.list-all',
  'webhook.read',
  'webhook.secret.read',
  'account.read',
  'account.change-password',
  'session.end',
  'api-key.create',
  'api-key.list',
  'api-key.list-all',
  'api-key.revoke',
  'user.create',
  'user.list',
  'user.update',
  'metrics.read',
  'audit.read',
  'audit.export',
] as const;

export type Action = (typeof ACTIONS)[number];

/** What a grant lets its holder do to someone else's thing. */
export type Access = 'read' | 'write';

/** Someone else's thing shared with a user (the sharing feature stores these). */
export interface Grant {
  userId: string;
  access: Access;
}

export type ResourceKind = 'animation' | 'batch' | 'api-key' | 'webhook-delivery';

/** The part of a thing the policy looks at. */
export interface Resource {
  kind: ResourceKind;
  ownerId: string;
  grants?: readonly Grant[];
}

/** Licensed features; absent means unlicensed features are not restricted (no licensing configured). */
export interface Entitlements {
  features: readonly string[];
}

interface Rule {
  /** The least role. */
  role: Role;
  /** Acts on one owned thing, needing this access to it (owner and admins have both). */
  access?: Access;
  /** API-key principals need at least this role (keys cannot mint keys unless they are admin keys). */
  apiKeyRole?: Role;
  /** The licensed feature this needs, when entitlements are given. */
  feature?: string;
}

const RULES: Record<Action, Rule> = {
  'analysis.run': { role: 'viewer' },
  'animation.create': { role: 'editor' },
  // High priority jumps everyone's queue: an administrator's call, not each editor's.
  'animation.priority-high': { role: 'admin' },
  'animation.list': { role: 'viewer' },
  'animation.list-all': { role: 'admin' },
  'animation.read': { role: 'viewer', access: 'read' },
  'animation.cancel': { role: 'editor', access: 'write' },
  'animation.rerender': { role: 'editor', access: 'write' },
  'animation.delete': { role: 'editor', access: 'write' },
  'batch.create': { role: 'editor', feature: 'batches' },
  'batch.read': { role: 'viewer', access: 'read' },
  'webhook.list': { role: 'viewer' },
  'webhook.list-all': { role: 'admin' },
  'webhook.read': { role: 'viewer', access: 'read' },
  'webhook.secret.read': { role: 'viewer' },
  'account.read': { role: 'viewer' },
  'account.change-password': { role: 'viewer' },
  'session.end': { role: 'viewer' },
  'api-key.create': { role: 'viewer', apiKeyRole: 'admin' },
  'api-key.list': { role: 'viewer' },
  'api-key.list-all': { role: 'admin' },
  'api-key.revoke': { role: 'viewer', access: 'write' },
  'user.create': { role: 'admin' },
  'user.list': { role: 'admin' },
  'user.update': { role: 'admin' },
  'metrics.read': { role: 'viewer' },
  'audit.read': { role: 'admin' },
  'audit.export': { role: 'admin' },
};

const NOUNS: Record<ResourceKind, string> = { animation: 'animation', batch: 'batch', 'api-key': 'API key', 'webhook-delivery': 'delivery' };

export type Denial = 'role' | 'api-key' | 'not-licensed' | 'not-visible' | 'read-only';
export type Decision = { allowed: true } | { allowed: false; reason: Denial; message: string };

/** What the policy looks at in a principal: who, with which role, proved how. */
export type Actor = Pick<Principal, 'userId' | 'role' | 'via'>;

/** The least role an action needs (the API reference shows it). */
export function leastRole(action: Action): Role {
  return RULES[action].role;
}

function accessTo(principal: Actor, resource: Resource): Access | undefined {
  if (principal.role === 'admin' || principal.userId === resource.ownerId) return 'write';
  const grants = resource.grants?.filter((g) => g.userId === principal.userId) ?? [];
  if (grants.some((g) => g.access === 'write')) return 'write';
  return grants.length ? 'read' : undefined;
}

/**
 * The decision with its reason. Without a resource, only what the caller is (role, key, licence) is
 * checked: that is the gate before the thing is looked up.
 */
export function decide(principal: Actor, action: Action, resource?: Resource, entitlements?: Entitlements): Decision {
  const rule = RULES[action];
  if (!roleAllows(principal.role, rule.role)) return { allowed: false, reason: 'role', message: `this needs the ${rule.role} role; this request acts as ${principal.role}` };
  if (rule.apiKeyRole && principal.via === 'api-key' && !roleAllows(principal.role, rule.apiKeyRole)) {
    return { allowed: false, reason: 'api-key', message: `with an API key this needs the ${rule.apiKeyRole} role; sign in to do it` };
  }
  if (rule.feature && entitlements && !entitlements.features.includes(rule.feature)) {
    return { allowed: false, reason: 'not-licensed', message: `the licence of this appliance does not include ${rule.feature}` };
  }
  if (rule.access && resource) {
    const have = accessTo(principal, resource);
    if (!have) return { allowed: false, reason: 'not-visible', message: `no such ${NOUNS[resource.kind]}` };
    if (rule.access === 'write' && have !== 'write') return { allowed: false, reason: 'read-only', message: `this ${NOUNS[resource.kind]} is shared with you read-only` };
  }
  return { allowed: true };
}

export function can(principal: Actor, action: Action, resource?: Resource, entitlements?: Entitlements): boolean {
  return decide(principal, action, resource, entitlements).allowed;
}

/**
 * Throws unless allowed. Things the caller may not see are not-found, never forbidden, so ids of
 * other people's things cannot be probed.
 */
export function authorize(principal: Actor, action: Action, resource?: Resource, entitlements?: Entitlements): void {
  const decision = decide(principal, action, resource, entitlements);
  if (decision.allowed) return;
  throw new DomainError(decision.reason === 'not-visible' ? 'not-found' : 'forbidden', decision.message);
}

/** A principal hands out (to an API key) at most its own role. */
export function authorizeRoleGrant(principal: Actor, role: Role): void {
  if (!roleAllows(principal.role, role)) throw new DomainError('forbidden', `a ${principal.role} cannot create a key with the ${role} role; choose ${principal.role} or weaker`);
}

/**
 * Whose things a list shows. 'me': the caller's own; 'all': everyone's (refused unless `everyone` is
 * allowed); 'visible': everyone's when allowed, else the caller's own.
 */
export function listScope(principal: Actor, everyone: Action, owner: 'me' | 'all' | 'visible'): { ownerId: string } | 'all' {
  if (owner === 'all') authorize(principal, everyone);
  if (owner === 'all' || (owner === 'visible' && can(principal, everyone))) return 'all';
  return { ownerId: principal.userId };
}
