// Reading animations: one (whole, as a summary, or just its scene), and lists with filters and cursor
// paging. Lists and event streams read summaries (explicit columns, no scene JSON or logo data URLs).
// Every read asks the policy first; what the caller may not see is not found.
import type { DataSource, EntityManager } from 'typeorm';
import { AnimationEntity, type Animation, type AnimationStatus } from '../../db/entities/animation.ts';
import { DomainError, invalidField } from '../errors.ts';
import { SUMMARY_FIELDS, type AnimationSummary } from '../payloads.ts';
import { authorize, listScope, type Action, type Actor } from '../policy.ts';
import { animationResource, SHARED_WITH_CALLER, sharedParams } from './animation-access.ts';

type Db = DataSource | EntityManager;
const SUMMARY_SELECT = SUMMARY_FIELDS.map((f) => `a.${f}`);

async function visible<T extends Pick<Animation, 'id' | 'ownerId' | 'orgVisible'>>(db: Db, principal: Actor, action: Action, row: T | null): Promise<T> {
  if (!row) throw new DomainError('not-found', 'no such animation');
  authorize(principal, action, await animationResource(db, principal, row));
  return row;
}

/** The whole row (scene, branding): for commands that act on it. */
export async function getAnimation(db: Db, principal: Actor, id: string, action: Action = 'animation.read'): Promise<Animation> {
  return visible(db, principal, action, await db.getRepository(AnimationEntity).findOneBy({ id }));
}

/** The row without the scene spec or branding, or null when it is gone (no policy check: for re-reads). */
export async function findAnimationSummary(db: Db, id: string): Promise<AnimationSummary | null> {
  return db.getRepository(AnimationEntity).createQueryBuilder('a').select(SUMMARY_SELECT).where('a.id = :id', { id }).getOne();
}

/** Several rows at once (no policy check: for the event streams' shared re-read); those gone are missing. */
export async function findAnimationSummaries(db: Db, ids: readonly string[]): Promise<AnimationSummary[]> {
  if (!ids.length) return [];
  return db.getRepository(AnimationEntity).createQueryBuilder('a').select(SUMMARY_SELECT).where('a.id IN (:...ids)', { ids }).getMany();
}

export async function getAnimationSummary(db: Db, principal: Actor, id: string): Promise<AnimationSummary> {
  return visible(db, principal, 'animation.read', await findAnimationSummary(db, id));
}

export async function getAnimationScene(db: Db, principal: Actor, id: string): Promise<Record<string, unknown>> {
  const row = await db.getRepository(AnimationEntity).createQueryBuilder('a').select(['a.id', 'a.ownerId', 'a.orgVisible', 'a.scene']).where('a.id = :id', { id }).getOne();
  return (await visible(db, principal, 'animation.read', row)).scene;
}

/** The items of a batch, in the order they were submitted (summaries). */
export async function batchItems(db: Db, batchId: string): Promise<AnimationSummary[]> {
  return db.getRepository(AnimationEntity).createQueryBuilder('a').select(SUMMARY_SELECT).where('a.batch_id = :batchId', { batchId }).orderBy('a.created_at', 'ASC').addOrderBy('a.id', 'ASC').getMany();
}

export const ANIMATION_OWNER_FILTERS = ['me', 'shared', 'me-or-shared', 'all'] as const;
export type AnimationOwnerFilter = (typeof ANIMATION_OWNER_FILTERS)[number];

export interface AnimationFilters {
  status?: AnimationStatus;
  template?: string;
  batchId?: string;
  /** Text the description or the title contains. */
  q?: string;
  /**
   * Whose: 'me' the caller's own; 'shared' others' the caller may read (shared with them or one of
   * their groups, or open to everyone signed in); 'me-or-shared' both; 'all' every user's (admins only).
   */
  owner: AnimationOwnerFilter;
  limit: number;
  cursor?: string;
}

export interface AnimationPage {
  animations: AnimationSummary[];
  nextCursor: string | null;
}

function cursorOf(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

const CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Only what cursorOf makes: anything else (a date Postgres cannot hold, an id that is no uuid) would reach SQL. */
function parseCursor(cursor: string): { at: Date; id: string } {
  const m = CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  const date = new Date(m?.[1] ?? '');
  if (!m || Number.isNaN(date.getTime()) || cursorOf(date, m[2]!) !== cursor) throw invalidField('query.cursor', 'not a cursor this list returned; pass next_cursor of the previous page unchanged');
  return { at: date, id: m[2]! };
}

/** Newest first. */
export async function listAnimations(db: Db, principal: Actor, filters: AnimationFilters): Promise<AnimationPage> {
  const scope = listScope(principal, 'animation.list-all', filters.owner === 'all' ? 'all' : 'me');
  const qb = db.getRepository(AnimationEntity).createQueryBuilder('a').select(SUMMARY_SELECT);
  if (scope !== 'all') {
    const own = 'a.owner_id = :owner';
    const where = { me: own, shared: SHARED_WITH_CALLER, 'me-or-shared': `(${own} OR ${SHARED_WITH_CALLER})` }[filters.owner as Exclude<AnimationOwnerFilter, 'all'>];
    qb.andWhere(where, { owner: scope.ownerId, ...sharedParams(principal) });
  }
  if (filters.status) qb.andWhere('a.status = :status', { status: filters.status });
  if (filters.template) qb.andWhere('a.template = :template', { template: filters.template });
  if (filters.batchId) qb.andWhere('a.batch_id = :batch', { batch: filters.batchId });
  if (filters.q) qb.andWhere('(a.description ILIKE :q OR a.title ILIKE :q)', { q: `%${filters.q.replace(/[\\%_]/g, (c) => '\\' + c)}%` });
  if (filters.cursor) {
    const c = parseCursor(filters.cursor);
    qb.andWhere('(a.created_at, a.id) < (:at, :id)', { at: c.at, id: c.id });
  }
  const rows = await qb
    .orderBy('a.created_at', 'DESC')
    .addOrderBy('a.id', 'DESC')
    .take(filters.limit + 1)
    .getMany();
  const page = rows.slice(0, filters.limit);
  const last = page[page.length - 1];
  return { animations: page, nextCursor: rows.length > filters.limit && last ? cursorOf(last.createdAt, last.id) : null };
}

/** How many animations are in each status (for /metrics; no policy: metrics show no one's content). */
export async function countByStatus(db: Db): Promise<{ status: string; count: number }[]> {
  const rows: { status: string; count: number }[] = await db.query('SELECT status, count(*)::int AS count FROM animations GROUP BY status');
  return rows.map((r) => ({ status: r.status, count: r.count }));
}

export type OutputName = 'video' | 'poster' | 'captions';

/** Where one of a rendered animation's files is stored; output-not-ready until it has completed. */
export async function getOutputFile(db: Db, principal: Actor, id: string, name: OutputName): Promise<{ key: string; generation: number; description: string; title: string | null }> {
  const row = await db.getRepository(AnimationEntity).createQueryBuilder('a').select(['a.id', 'a.ownerId', 'a.orgVisible', 'a.status', 'a.outputs', 'a.generation', 'a.description', 'a.title']).where('a.id = :id', { id }).getOne();
  const animation = await visible(db, principal, 'animation.read', row);
  if (animation.status !== 'completed' || !animation.outputs) throw new DomainError('output-not-ready', `the animation is ${animation.status}; wait for it to complete (follow links.events)`);
  return { key: animation.outputs[name].key, generation: animation.generation, description: animation.description, title: animation.title };
}
