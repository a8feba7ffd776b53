// Who may see an animation: its owner, and admins. Anyone else gets 404, never 403, so ids of other
// people's animations cannot be probed.
import type { DataSource, EntityManager } from 'typeorm';
import { Problem } from '../../api/problems.ts';
import type { Principal } from '../../auth/principal.ts';
import { AnimationEntity, type Animation } from '../../db/entities/animation.ts';

export function canSee(principal: Pick<Principal, 'userId' | 'role'>, ownerId: string): boolean {
  return principal.role === 'admin' || principal.userId === ownerId;
}

export async function findVisibleAnimation(db: DataSource | EntityManager, principal: Pick<Principal, 'userId' | 'role'>, id: string): Promise<Animation> {
  const animation = await db.getRepository(AnimationEntity).findOneBy({ id });
  if (!animation || !canSee(principal, animation.ownerId)) throw new Problem('not-found', 'no such animation');
  return animation;
}
