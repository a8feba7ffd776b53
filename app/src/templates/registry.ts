// Every template the analyser may choose, by id. Each category registers its templates in its index.
import type { AnyTemplate } from './types.ts';
import { ALGORITHM_TEMPLATES } from './algorithms/index.ts';
import { MATH_TEMPLATES } from './mathematics/index.ts';
import { SCIENCE_TEMPLATES } from './science/index.ts';
import { CORPORATE_TEMPLATES } from './corporate/index.ts';
import { GENERAL_TEMPLATES } from './general/index.ts';

export const TEMPLATES: readonly AnyTemplate[] = [...ALGORITHM_TEMPLATES, ...MATH_TEMPLATES, ...SCIENCE_TEMPLATES, ...CORPORATE_TEMPLATES, ...GENERAL_TEMPLATES];

const BY_ID = new Map(TEMPLATES.map((t) => [t.id, t]));

export const FALLBACK_TEMPLATE_ID = 'text.title';

export function getTemplate(id: string): AnyTemplate | undefined {
  return BY_ID.get(id);
}

export function templateIds(): string[] {
  return TEMPLATES.map((t) => t.id);
}
