// Refusing a chat request seen before: a signed request copied off the wire must not run twice. Each
// signature is remembered for longer than the signature window (after that the timestamp check refuses
// it anyway), in Postgres so every API process shares the memory.
import type { DataSource } from 'typeorm';
import { sql } from '../../../db/sql.ts';

const REMEMBER_MINUTES = 10;

/** True the first time this signature is seen, false for a replay. */
export async function firstSighting(db: DataSource, signature: string): Promise<boolean> {
  await sql(db, `DELETE FROM chat_request_replays WHERE seen_at < now() - make_interval(mins => $1)`, [REMEMBER_MINUTES]);
  const rows = await sql(db, 'INSERT INTO chat_request_replays (signature) VALUES ($1) ON CONFLICT DO NOTHING RETURNING signature', [signature]);
  return rows.length === 1;
}
