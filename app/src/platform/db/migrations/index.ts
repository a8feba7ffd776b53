// Migrations in order. Add new ones at the end; never edit one that has shipped.
import { InitialSchema1764230400000 } from './1764230400000-initial-schema.ts';
import { OidcIdentities1764900000003 } from './1764900000003-oidc-identities.ts';

export const MIGRATIONS = [InitialSchema1764230400000, OidcIdentities1764900000003];
