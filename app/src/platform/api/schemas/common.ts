// Shapes several routes share.
import { z } from 'zod';
import { SCOPES } from '../../auth/scopes.ts';

export const uuidParam = z.strictObject({ id: z.uuid({ error: 'not a valid id' }) });
export const ROLE_ENUM = z.enum(['admin', 'editor', 'viewer']);
export const SCOPE_ENUM = z.enum(SCOPES);
export const isoDate = z.string().describe('ISO 8601 date-time');
export const emptyQuery = z.strictObject({});
