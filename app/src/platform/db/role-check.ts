// The database role the application connects as should not be a superuser: a superuser can switch the
// audit log's trigger off, read other databases and run programs on the database server. Embedded mode
// connects as its own non-superuser owner role; for an external database this says so at start-up
// when an operator gave a superuser's URL (docs/security-hardening.md lists the grants that suffice).
import type { Queryable } from './sql.ts';
import { sql } from './sql.ts';

/** A warning to log when the connection's role is a superuser; undefined when it is not. */
export async function superuserWarning(db: Queryable): Promise<string | undefined> {
  const [row] = await sql<{ user: string; rolsuper: boolean }>(db, 'SELECT current_user AS user, rolsuper FROM pg_roles WHERE rolname = current_user');
  if (!row?.rolsuper) return undefined;
  return `database: connected as ${row.user}, a superuser; give DevForge a role of its own that owns its database and is no superuser (see docs/security-hardening.md, "Database role")`;
}
