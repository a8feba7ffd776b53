import type { AnyTemplate } from '../types.ts';

export const CORPORATE_TEMPLATES: AnyTemplate[] = [];
