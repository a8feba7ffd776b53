// An animation's shares as clients see them (GET and PUT /animations/{id}/shares answer the same).
import type { Shares } from '../../domain/queries/shares.ts';

export function presentShares(s: Shares) {
  return {
    animation_id: s.animationId,
    org_visible: s.orgVisible,
    shares: s.shares.map((share) => {
      const common = { access: share.access, granted_by: share.grantedBy, granted_at: share.grantedAt.toISOString() };
      return share.kind === 'user' ? { kind: share.kind, user: share.user, ...common } : { kind: share.kind, group: share.group, ...common };
    }),
  };
}
