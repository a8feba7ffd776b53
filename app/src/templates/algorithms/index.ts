import type { AnyTemplate } from '../types.ts';
import { sortBubble } from './sort-bubble.ts';

export const ALGORITHM_TEMPLATES: AnyTemplate[] = [sortBubble];
