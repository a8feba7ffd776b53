// Raw SQL through TypeORM. Its query() answers rows for SELECT/INSERT but [rows, rowCount] for
// UPDATE/DELETE; this evens that out so callers always get rows.
import type { DataSource, EntityManager } from 'typeorm';

export type Queryable = Pick<DataSource | EntityManager, 'query'>;

export async function sql<Row = Record<string, unknown>>(db: Queryable, text: string, params: unknown[] = []): Promise<Row[]> {
  const result: unknown = await db.query(text, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as Row[];
  return result as Row[];
}
