// Column shapes every entity repeats, so the entity files list only what is theirs.
import type { EntitySchemaColumnOptions } from 'typeorm';

export const uuidPrimary: EntitySchemaColumnOptions = { type: 'uuid', primary: true, generated: 'uuid' };
export const timestamp = (name: string, nullable = false): EntitySchemaColumnOptions => ({ type: 'timestamptz', name, nullable });
export const createdAt: EntitySchemaColumnOptions = { type: 'timestamptz', name: 'created_at', createDate: true };
export const updatedAt: EntitySchemaColumnOptions = { type: 'timestamptz', name: 'updated_at', updateDate: true };
export const text = (name: string, nullable = false): EntitySchemaColumnOptions => ({ type: 'text', name, nullable });
export const json = (name: string, nullable = false): EntitySchemaColumnOptions => ({ type: 'jsonb', name, nullable });
