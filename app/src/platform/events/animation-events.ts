// Animation state changes (status, progress) as events: the worker publishes through Postgres NOTIFY,
// every API process fans them out to its SSE clients. Progress is saved in the table too, so a client
// that connects late or misses a notification still reads the truth.
import type { DataSource } from 'typeorm';
import type { PgListener } from '../db/listener.ts';

export const ANIMATION_CHANNEL = 'devforge_animation';

export interface AnimationEvent {
  id: string;
  status: string;
  progress: number;
  error?: string | null;
}

export class AnimationEvents {
  private readonly listeners = new Map<string, Set<(event: AnimationEvent) => void>>();

  constructor(listener: PgListener) {
    listener.on(ANIMATION_CHANNEL, (payload) => {
      let event: AnimationEvent;
      try {
        event = JSON.parse(payload) as AnimationEvent;
      } catch {
        return;
      }
      for (const fn of this.listeners.get(event.id) ?? []) fn(event);
    });
  }

  subscribe(animationId: string, fn: (event: AnimationEvent) => void): () => void {
    let set = this.listeners.get(animationId);
    if (!set) this.listeners.set(animationId, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (!set.size) this.listeners.delete(animationId);
    };
  }
}

/** Publishes a change; failures are swallowed (the row is the source of truth, the event a nudge). */
export async function publishAnimationEvent(db: Pick<DataSource, 'query'>, event: AnimationEvent): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [ANIMATION_CHANNEL, JSON.stringify(event)]).catch(() => {});
}
