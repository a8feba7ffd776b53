// The one answer to "may this principal do this to that?", for every route and job. Roles are ordered
// (viewer < editor < admin); things people own (animations, batches, keys, webhook deliveries) are
// theirs and every admin's; animations can also be shared (grants to a user or an IdP group, read or
// write, and an organisation-wide "anyone signed in can view" switch); a licence can switch features
// off through entitlements. Nothing else in the platform compares roles, owner ids or grants.
//
// Order of the checks: the role gate first (a viewer shared an animation to write still cannot
// change it: write grants give editors more, never viewers), then the API key and licence, then the
// caller's access to the thing: none is not-visible (404, so ids cannot be probed), too little is
// read-only or owner-only (403). Licensing passes an `entitlements` object and names the feature an
// action needs in RULES; sharing loads grants into the resource. Neither changes a caller.
// The license's limits (quality, branding, white label, animations and API calls a month) are checked here too, by
// authorizeWithinLicense: one place says what each entitlement allows and what would lift it.
// Publishable keys (the widget's, public in web pages) do only what a widget does (WIDGET_ACTIONS) and only
// from their allowed origins (authorizeOrigin): both here, so no route can forget either.
import { qualityAllowed, TIER_DEFAULTS, TIERS, type EntitlementValues, type Quality, type Tier } from '../../licensing/entitlements.ts';
import { DomainError } from './errors.ts';
import type { Principal, Role } from '../auth/principal.ts';
import { roleAllows } from '../auth/roles.ts';
import { scopeRole, scopesForRole, type Scope } from '../auth/scopes.ts';

export const ACTIONS = [
  'analysis.run',
  'animation.create',
  'animation.priority-high',
  'animation.webhook',
  'animation.list',
  'animation.list-all',
  'animation.read',
  'animation.cancel',
  'animation.rerender',
  'animation.rename',
  'animation.delete',
  'animation.share',
  'batch.create',
  'batch.read',
  'webhook.list',
  'webhook.list-all',
  'webhook.read',
  'webhook.secret.read',
  'webhook.secret.rotate',
  'webhook.redeliver',
  'account.read',
  'account.change-password',
  'account.export',
  'session.end',
  'session.list',
  'session.revoke',
  'api-key.create',
  'api-key.list',
  'api-key.list-all',
  'api-key.revoke',
  'api-key.update-origins',
  'user.create',
  'user.list',
  'user.update',
  'user.sessions.end',
  'user.delete',
  'user.export',
  'metrics.read',
  'audit.read',
  'audit.export',
  'license.read',
  'license.install',
  'license.request',
  'usage.read',
  'usage.read-all',
  'system.read',
  'sso.read',
  'sso.test',
  'branding.read',
  'branding.update',
  'integration.command',
  'integration.link',
  'lti.read',
  'lti.manage',
  'lti.deep-link',
] as const;

export type Action = (typeof ACTIONS)[number];

/** What a grant lets its holder do to someone else's thing. */
export type Access = 'read' | 'write';

/** What a rule needs: grants give read or write; manage (share, delete) is the owner's and admins' only. */
export type Level = Access | 'manage';

/** Someone else's thing shared with one user, or with everyone in an IdP group (animation_grants rows). */
export type Grant = { userId: string; access: Access } | { group: string; access: Access };

export type ResourceKind = 'animation' | 'batch' | 'api-key' | 'webhook-delivery';

/** The part of a thing the policy looks at. */
export interface Resource {
  kind: ResourceKind;
  ownerId: string;
  grants?: readonly Grant[];
  /** Anyone signed in may read it. */
  orgVisible?: boolean;
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
export type LicenseAsk =
  | { entitlement: 'max_quality'; wants: Quality }
  | { entitlement: 'custom_branding'; wants: true }
  | { entitlement: 'white_label'; wants: true }
  | { entitlement: 'animations_per_month' | 'api_calls_per_month'; adding: number; used: number };

/** What each monthly count counts, for the refusal's message. */
const COUNTED: Record<'animations_per_month' | 'api_calls_per_month', { things: string; note: string; done: string; after: string }> = {
  animations_per_month: { things: 'animations', note: '', done: 'were accepted', after: '' },
  api_calls_per_month: {
    things: 'API calls',
    note: '; calls with API keys and service tokens count, the web app’s and sandbox keys’ do not',
    done: 'were made',
    after: ' (the web app and sandbox keys keep working meanwhile)',
  },
};

const TIER_NAMES: Record<Tier, string> = { free: 'Free', professional: 'Professional', enterprise: 'Enterprise' };

/**
 * What would lift a limit: the lowest tier above the one in force whose default allows it (a pilot's
 * overridden limit is never lifted by a lower tier), else a license overriding it.
 */
function liftFor(entitlement: string, allows: (v: EntitlementValues) => boolean, asked: string, current: Tier | undefined): string {
  const from = current ? TIERS.indexOf(current) : -1;
  const tier = TIERS.find((t, i) => i > from && allows(TIER_DEFAULTS[t]));
  return tier ? `install ${tier === 'enterprise' ? 'an' : 'a'} ${TIER_NAMES[tier]} license (or one with ${entitlement} ${asked})` : `install a license with ${entitlement} ${asked}`;
}

/** Throws license-limit (entitlement, limit, current use, what would lift it) unless the license allows `ask`. */
export function authorizeWithinLicense(entitlements: Entitlements | undefined, ask: LicenseAsk): void {
  const limits = entitlements?.limits;
  if (!limits) return;
  const tierName = entitlements.tier ? TIER_NAMES[entitlements.tier] : 'this';
  let refusal: { limit: unknown; use: unknown; message: string; lift: string } | undefined;
  if (ask.entitlement === 'max_quality' && !qualityAllowed(limits.max_quality, ask.wants)) {
    const lift = liftFor('max_quality', (v) => qualityAllowed(v.max_quality, ask.wants), ask.wants, entitlements.tier);
    refusal = { limit: limits.max_quality, use: ask.wants, message: `quality ${ask.wants} is above the ${tierName} license's highest quality, ${limits.max_quality}: ask for ${limits.max_quality}, or ${lift}`, lift };
  } else if (ask.entitlement === 'custom_branding' && !limits.custom_branding) {
    const lift = liftFor('custom_branding', (v) => v.custom_branding, 'true', entitlements.tier);
    refusal = { limit: false, use: true, message: `custom branding (logo, colours, product name) is not included in the ${tierName} license: leave custom_branding out (a watermark text alone is allowed), or ${lift}`, lift };
  } else if (ask.entitlement === 'white_label' && !limits.white_label) {
    const lift = liftFor('white_label', (v) => v.white_label, 'true', entitlements.tier);
    refusal = { limit: false, use: true, message: `the white-label UI (own product name, favicon, no DevForge name) is not included in the ${tierName} license: leave those fields out, or ${lift}`, lift };
  } else if ((ask.entitlement === 'animations_per_month' || ask.entitlement === 'api_calls_per_month') && limits[ask.entitlement] !== null && ask.used + ask.adding > limits[ask.entitlement]!) {
    const name = ask.entitlement;
    const limit = limits[name]!;
    const lift = liftFor(name, (v) => v[name] === null || v[name] > limit, 'higher', entitlements.tier);
    const c = COUNTED[name];
    refusal = {
      limit,
      use: ask.used,
      message: `the ${tierName} license allows ${limit} ${c.things} a month (calendar month, UTC${c.note}) and ${ask.used} ${c.done} this month${ask.adding > 1 ? `; this asks for ${ask.adding} more` : ''}: wait for next month, or ${lift}${c.after}`,
      lift,
    };
  }
  if (refusal) throw new DomainError('license-limit', refusal.message, { data: { entitlement: ask.entitlement, limit: refusal.limit, current_use: refusal.use, lift: refusal.lift } });
}

interface Rule {
  /** The least role. */
  role: Role;
  /** Acts on one owned thing, needing this access to it (owner and admins have all three). */
  access?: Level;
  /** The scope an API-key principal must carry (keys cannot mint keys unless they have the admin scope); null: none. */
  scope: Scope | null;
  /** The licensed feature this needs, when entitlements are given. */
  feature?: string;
}

// `scope`: what an API key must carry to do it (null: any key may, such as asking who it is or ending
// a credential of its own). Sessions and single sign-on are not scoped: a person acts with their role.
const RULES: Record<Action, Rule> = {
  'analysis.run': { role: 'viewer', scope: 'animations:read' },
  'animation.create': { role: 'editor', scope: 'animations:write' },
  // High priority jumps everyone's queue: an administrator's call, not each editor's.
  'animation.priority-high': { role: 'admin', scope: 'animations:write' },
  // A webhook_url makes the appliance POST to an address of the caller's choosing: whoever may generate,
  // but not a publishable key (public in a web page; the widget follows its renders itself).
  'animation.webhook': { role: 'editor', scope: 'animations:write' },
  'animation.list': { role: 'viewer', scope: 'animations:read' },
  'animation.list-all': { role: 'admin', scope: 'animations:read' },
  'animation.read': { role: 'viewer', access: 'read', scope: 'animations:read' },
  'animation.cancel': { role: 'editor', access: 'write', scope: 'animations:write' },
  'animation.rerender': { role: 'editor', access: 'write', scope: 'animations:write' },
  // A title is the library's label, changed as freely as the animation is re-rendered.
  'animation.rename': { role: 'editor', access: 'write', scope: 'animations:write' },
  // Deleting takes the owner's work and files away for good: not something a write grant gives.
  'animation.delete': { role: 'editor', access: 'manage', scope: 'animations:write' },
  // Who else may see or change it (shares, the organisation-wide switch): the owner and admins.
  'animation.share': { role: 'viewer', access: 'manage', scope: 'animations:write' },
  'batch.create': { role: 'editor', feature: 'batches', scope: 'animations:write' },
  'batch.read': { role: 'viewer', access: 'read', scope: 'animations:read' },
  'webhook.list': { role: 'viewer', scope: 'animations:read' },
  'webhook.list-all': { role: 'admin', scope: 'animations:read' },
  'webhook.read': { role: 'viewer', access: 'read', scope: 'animations:read' },
  // Webhooks are set by whoever submits animations (editors): only they need the secret that signs them.
  'webhook.secret.read': { role: 'editor', scope: 'animations:write' },
  'webhook.secret.rotate': { role: 'editor', scope: 'animations:write' },
  // Sending a delivery again (the receiver was down): whoever owns it, and admins.
  'webhook.redeliver': { role: 'editor', access: 'write', scope: 'animations:write' },
  'account.read': { role: 'viewer', scope: null },
  'account.change-password': { role: 'viewer', scope: 'admin' },
  // Everything about a person in one download: they must be signed in for it (or hold an admin key).
  'account.export': { role: 'viewer', scope: 'admin' },
  'session.end': { role: 'viewer', scope: null },
  'session.list': { role: 'viewer', scope: null },
  'session.revoke': { role: 'viewer', scope: null },
  'api-key.create': { role: 'viewer', scope: 'admin' },
  'api-key.list': { role: 'viewer', scope: null },
  'api-key.list-all': { role: 'admin', scope: 'admin' },
  'api-key.revoke': { role: 'viewer', access: 'write', scope: null },
  // Which web pages a publishable key works from: the key's owner (or an admin), as for making the key.
  'api-key.update-origins': { role: 'viewer', access: 'write', scope: 'admin' },
  'user.create': { role: 'admin', scope: 'admin' },
  'user.list': { role: 'admin', scope: 'admin' },
  'user.update': { role: 'admin', scope: 'admin' },
  'user.sessions.end': { role: 'admin', scope: 'admin' },
  'user.delete': { role: 'admin', scope: 'admin' },
  'user.export': { role: 'admin', scope: 'admin' },
  'metrics.read': { role: 'viewer', scope: 'animations:read' },
  'audit.read': { role: 'admin', scope: 'admin' },
  'audit.export': { role: 'admin', scope: 'admin' },
  // Everyone sees the license's state (the grace banner is for everyone); only admins change it.
  'license.read': { role: 'viewer', scope: null },
  'license.install': { role: 'admin', scope: 'admin' },
  // A renewal request is signed with the install's key and moves its request chain on: an administrator's act.
  'license.request': { role: 'admin', scope: 'admin' },
  // Anyone may watch their own use against the licence; only administrators see everyone's.
  'usage.read': { role: 'viewer', scope: 'animations:read' },
  'usage.read-all': { role: 'admin', scope: 'admin' },
  // The appliance's insides (versions, GPUs, workers, queue, storage, database) and the single sign-on
  // settings in force: for the people who run it.
  'system.read': { role: 'admin', scope: 'admin' },
  'sso.read': { role: 'admin', scope: 'admin' },
  'sso.test': { role: 'admin', scope: 'admin' },
  // The UI is drawn with the organisation's branding for everyone signed in; only admins change it.
  'branding.read': { role: 'viewer', scope: null },
  'branding.update': { role: 'admin', scope: 'admin' },
  // Slack and Teams commands act as the linked account: any account may ask for help; what a command
  // does (animation.create) is checked with its own rule. Linking a chat account is the person's own
  // credential, like a password: signed in, or an admin-scoped key.
  'integration.command': { role: 'viewer', scope: null },
  'integration.link': { role: 'viewer', scope: 'admin' },
  // LTI platform registrations and the tool's signing keys decide who may sign in from a learning
  // platform and with which role: the administrators' call. Placing an animation into a course
  // (Deep Linking) is a teacher's act: editors, who can also make the animation they place.
  'lti.read': { role: 'admin', scope: 'admin' },
  'lti.manage': { role: 'admin', scope: 'admin' },
  'lti.deep-link': { role: 'editor', scope: 'animations:write' },
};

const NOUNS: Record<ResourceKind, string> = { animation: 'animation', batch: 'batch', 'api-key': 'API key', 'webhook-delivery': 'delivery' };

export type Denial = 'role' | 'publishable' | 'scope' | 'not-licensed' | 'not-visible' | 'read-only' | 'not-owner';

/**
 * All a publishable key may do: what the widget does (analyse, list templates and voices, preview a scene,
 * generate, follow and download its animations). Never key management, sharing, accounts, admin pages, or
 * anything else: the key is in a web page, so anyone can read it.
 */
export const WIDGET_ACTIONS: readonly Action[] = ['analysis.run', 'animation.create', 'animation.read'];
export type Decision = { allowed: true } | { allowed: false; reason: Denial; message: string };

/** What the policy looks at in a principal: who, with which role, proved how, in which IdP groups (and a key's scopes). */
export type Actor = Pick<Principal, 'userId' | 'role' | 'via'> & Partial<Pick<Principal, 'groups' | 'scopes' | 'publishable'>>;

/** The scopes an API-key principal carries; one built in code without them has what its role allows. */
function keyScopes(principal: Actor): readonly Scope[] {
  return principal.scopes ?? scopesForRole(principal.role);
}

/** The least role an action needs (the API reference shows it). */
export function leastRole(action: Action): Role {
  return RULES[action].role;
}

/** The scope an API key needs for an action, or null when any key may (the API reference shows it). */
export function keyScope(action: Action): Scope | null {
  return RULES[action].scope;
}

const RANK: Record<Level, number> = { read: 1, write: 2, manage: 3 };

/** Whether a grant names this principal: the user, or one of the IdP groups they signed in with. */
function grantHolds(principal: Actor, grant: Grant): boolean {
  return 'userId' in grant ? grant.userId === principal.userId : (principal.groups ?? []).includes(grant.group);
}

/**
 * The caller's access to one thing: manage for its owner and admins; else the strongest grant that
 * names them (as a user or through a group); else read when it is open to everyone signed in (every
 * principal is signed in: anonymous callers never reach the policy); else none.
 */
function accessTo(principal: Actor, resource: Resource): Level | undefined {
  if (principal.role === 'admin' || principal.userId === resource.ownerId) return 'manage';
  const grants = resource.grants?.filter((g) => grantHolds(principal, g)) ?? [];
  if (grants.some((g) => g.access === 'write')) return 'write';
  return grants.length || resource.orgVisible ? 'read' : undefined;
}

/**
 * The decision with its reason. Without a resource, only what the caller is (role, key, licence) is
 * checked: that is the gate before the thing is looked up.
 */
export function decide(principal: Actor, action: Action, resource?: Resource, entitlements?: Entitlements): Decision {
  const rule = RULES[action];
  if (principal.publishable && !WIDGET_ACTIONS.includes(action)) {
    return { allowed: false, reason: 'publishable', message: `a publishable key may only analyse, list templates, generate and read its animations (what the widget does), not ${action}; use a secret key on a server, or sign in` };
  }
  if (!roleAllows(principal.role, rule.role)) return { allowed: false, reason: 'role', message: `this needs the ${rule.role} role; this request acts as ${principal.role}` };
  if (rule.scope && principal.via === 'api-key' && !keyScopes(principal).includes(rule.scope)) {
    const has = keyScopes(principal).join(', ') || 'none';
    return { allowed: false, reason: 'scope', message: `this API key lacks the ${rule.scope} scope (it has ${has}); create a key with that scope, or sign in to do it` };
  }
  if (rule.feature && entitlements && !entitlements.features.includes(rule.feature)) {
    return { allowed: false, reason: 'not-licensed', message: `the licence of this appliance does not include ${rule.feature}` };
  }
  if (rule.access && resource) {
    const have = accessTo(principal, resource);
    if (!have) return { allowed: false, reason: 'not-visible', message: `no such ${NOUNS[resource.kind]}` };
    if (RANK[have] < RANK[rule.access]) {
      if (rule.access === 'manage') return { allowed: false, reason: 'not-owner', message: `only the owner of this ${NOUNS[resource.kind]} or an administrator may do this` };
      return { allowed: false, reason: 'read-only', message: `this ${NOUNS[resource.kind]} is shared with you read-only` };
    }
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

/**
 * A publishable key works only from the web origins on its list: the request's Origin header (which a
 * browser sets and a page cannot change) must be one of them. No Origin (a program, not a browser page) is
 * refused too: a publishable key is for pages. Other principals are not checked here.
 */
export function authorizeOrigin(principal: Actor & Pick<Principal, 'apiKeyId'>, origin: string | undefined): void {
  if (!principal.publishable) return;
  const how = `add it to the key's allowed origins (PUT /api/v1/api-keys/${principal.apiKeyId ?? '{id}'}/allowed-origins)`;
  if (!origin)
    throw new DomainError('origin-not-allowed', `a publishable key works only from the web pages of its allowed origins, and this request has no Origin header: use it from a page on one of them, or use a secret key from a program`, {
      data: { origin: null },
    });
  if (!principal.publishable.allowedOrigins.includes(origin)) throw new DomainError('origin-not-allowed', `this publishable key may not be used from ${origin}: ${how}`, { data: { origin } });
}

/**
 * A principal hands out (to an API key) at most its own role, and scopes that role allows; a key that
 * makes a key hands out only scopes it has itself.
 */
export function authorizeRoleGrant(principal: Actor, role: Role, scopes: readonly Scope[] = []): void {
  if (!roleAllows(principal.role, role)) throw new DomainError('forbidden', `a ${principal.role} cannot create a key with the ${role} role; choose ${principal.role} or weaker`);
  for (const scope of scopes) {
    const need = scopeRole(scope);
    if (!roleAllows(principal.role, need)) throw new DomainError('forbidden', `a ${principal.role} cannot create a key with the ${scope} scope (it needs the ${need} role); choose from ${scopesForRole(principal.role).join(', ')}`);
    if (principal.via === 'api-key' && !keyScopes(principal).includes(scope)) throw new DomainError('forbidden', `this API key cannot hand out the ${scope} scope it does not have itself`);
  }
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
