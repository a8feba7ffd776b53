// Migrations in order. Add new ones at the end; never edit one that has shipped.
import { InitialSchema1764230400000 } from './1764230400000-initial-schema.ts';
import { RateLimits1764900000002 } from './1764900000002-rate-limits.ts';

export const MIGRATIONS = [InitialSchema1764230400000, RateLimits1764900000002];
