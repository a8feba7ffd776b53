// Reads for the chat integrations: the poster of one generation of a completed animation, for the
// capability URL a Teams card shows (integrations/poster-link.ts checked the URL's signature already).
import type { DataSource } from 'typeorm';
import type { AnimationOutputs } from '../../db/entities/animation.ts';
import { sql } from '../../db/sql.ts';

/** The poster's storage key, or undefined when that generation is not the completed one. */
export async function posterOfGeneration(db: DataSource, id: string, generation: number): Promise<string | undefined> {
  const [row] = await sql<{ outputs: AnimationOutputs | null }>(db, `SELECT outputs FROM animations WHERE id = $1 AND generation = $2 AND status = 'completed'`, [id, generation]);
  return row?.outputs?.poster.key;
}
