// The one answer to "may this principal do this to that?", for every route and job. Roles are ordered
// (viewer < editor < admin); things people own (animations, batches, keys, webhook deliveries) are
// theirs and every admin's, and can be shared through grants; a licence can switch features off
// through entitlements. Nothing else in the platform compares roles or owner ids.
//
// Extension points: sharing adds rows that become `grants` on a resource; licensing passes an
// `entitlements` object and names the feature an action needs in RULES. Neither changes a caller.
// The license's limits (quality, branding, animations a month) are checked here too, by
// authorizeWithinLicense: one place says what each entitlement allows and what would lift it.
import { lowestTierWhere, qualityAllowed, type EntitlementValues, type Quality, type Tier } from '../../licensing/entitlements.ts';
import { DomainError } from './errors.ts';
import type { Principal, Role } from '../auth/principal.ts';
import { roleAllows } from '../auth/roles.ts';

export const ACTIONS = [
  'analysis.run',
  'animation.create',
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
  'license.read',
  'license.install',
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

/**
 * What the license allows: the features it includes (RULES' `feature`) and, when a license (or the Free
 * fallback) is in force, every entitlement's value. Absent: nothing is restricted by licence.
 */
export interface Entitlements {
  features: readonly string[];
  /** The entitlements in force (licensing/entitlements.ts) and the tier they come from. */
  limits?: EntitlementValues;
  tier?: Tier;
}

/** One thing a request asks of the license. */
export type LicenseAsk = { entitlement: 'max_quality'; wants: Quality } | { entitlement: 'custom_branding'; wants: true } | { entitlement: 'animations_per_month'; adding: number; used: number };

const TIER_NAMES: Record<Tier, string> = { free: 'Free', professional: 'Professional', enterprise: 'Enterprise' };

/** What would lift a limit: the lowest tier that allows it by default, else an override. */
function liftFor(entitlement: string, allows: (v: EntitlementValues) => boolean, asked: string): string {
  const tier = lowestTierWhere(allows);
  return tier ? `install a ${TIER_NAMES[tier]} license (or one with ${entitlement} ${asked})` : `install a license with ${entitlement} ${asked}`;
}

/** Throws license-limit (entitlement, limit, current use, what would lift it) unless the license allows `ask`. */
export function authorizeWithinLicense(entitlements: Entitlements | undefined, ask: LicenseAsk): void {
  const limits = entitlements?.limits;
  if (!limits) return;
  const tierName = entitlements.tier ? TIER_NAMES[entitlements.tier] : 'this';
  let refusal: { limit: unknown; use: unknown; message: string; lift: string } | undefined;
  if (ask.entitlement === 'max_quality' && !qualityAllowed(limits.max_quality, ask.wants)) {
    const lift = liftFor('max_quality', (v) => qualityAllowed(v.max_quality, ask.wants), ask.wants);
    refusal = { limit: limits.max_quality, use: ask.wants, message: `quality ${ask.wants} is above the ${tierName} license's highest quality, ${limits.max_quality}: ask for ${limits.max_quality}, or ${lift}`, lift };
  } else if (ask.entitlement === 'custom_branding' && !limits.custom_branding) {
    const lift = liftFor('custom_branding', (v) => v.custom_branding, 'true');
    refusal = { limit: false, use: true, message: `custom branding (logo, colours, product name) is not included in the ${tierName} license: leave custom_branding out (a watermark text alone is allowed), or ${lift}`, lift };
  } else if (ask.entitlement === 'animations_per_month' && limits.animations_per_month !== null && ask.used + ask.adding > limits.animations_per_month) {
    const limit = limits.animations_per_month;
    const lift = liftFor('animations_per_month', (v) => v.animations_per_month === null || v.animations_per_month > limit, 'higher');
    refusal = {
      limit,
      use: ask.used,
      message: `the ${tierName} license allows ${limit} animations a month (calendar month, UTC) and ${ask.used} were accepted this month${ask.adding > 1 ? `; this asks for ${ask.adding} more` : ''}: wait for next month, or ${lift}`,
      lift,
    };
  }
  if (refusal) throw new DomainError('license-limit', refusal.message, { data: { entitlement: ask.entitlement, limit: refusal.limit, current_use: refusal.use, lift: refusal.lift } });
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
  // Everyone sees the license's state (the grace banner is for everyone); only admins change it.
  'license.read': { role: 'viewer' },
  'license.install': { role: 'admin' },
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
