// The contract every template implements (see docs/template-contract.md): recognise a description,
// pull its params out, compute facts by running the real algorithm or formula, and compose a scene.
import type { z } from 'zod';
import type { NarrationStepInput, SceneInput } from '../scene/schema.ts';
import type { StyleName } from '../scene/themes.ts';
import type { ParsedText } from '../text/parse.ts';
import type { LegendEntry } from './emphasis/roles.ts';

export type Category = 'algorithms' | 'mathematics' | 'physics' | 'chemistry' | 'biology' | 'astronomy' | 'corporate' | 'charts' | '3d' | 'fallback';

export interface Trigger {
  /** Matched against the normalised text (lower case, typos corrected, single spaces), or the text as typed with `on`. */
  pattern: RegExp;
  /** "original": match the description as typed (after control characters are removed), for shapes that need its punctuation. */
  on?: 'original';
  /** How sure a match makes us that this template is meant, 0..1. */
  score: number;
}

/** What composition knows about the output. */
export interface ComposeContext {
  style: StyleName;
  /** Width / height of the output (16:9 → 16 x 9 world units). */
  aspect: number;
}

/** A template's scene content; buildScene adds size, fps, style and meta. */
export interface Composition {
  objects: SceneInput['objects'];
  timeline: NonNullable<SceneInput['timeline']>;
  /** The narration track, in the composition's own seconds (see TimelineBuilder.narrate). */
  narration: NarrationStepInput[];
  /** Natural length in seconds; a requested duration rescales the timeline to fit. */
  duration: number;
  camera?: SceneInput['camera'];
  title: string;
  /** The roles this template colours things by: composing draws a legend naming them (emphasis/legend.ts). */
  legend?: LegendEntry[];
}

export interface TemplateDefinition<P extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  title: string;
  category: Category;
  /** The style it is rendered in unless the user picks another. */
  style: StyleName;
  /** A description that selects this template (shown in the API's template list and the UI). */
  example: string;
  /** Zod object: fills defaults, clamps, and rejects what cannot be drawn. */
  params: z.ZodType<P, Record<string, unknown>>;
  triggers: Trigger[];
  /**
   * The param that holds the user's own content (events, steps, figures, people), when the template
   * has one. A description that gives none is answered with what to type (`ask`), never drawn with
   * the schema's example content as if it were the user's.
   */
  content?: { param: keyof P & string; ask: string };
  /**
   * A comparison the template draws itself (compound against simple interest), tested on the normalised text:
   * a description asking for it is answered by the template, where other comparisons go to a chart.
   */
  compares?: RegExp;
  /** Words the analyser's typo correction should know (e.g. "dijkstra"). */
  vocabulary?: string[];
  /** Params found in the text; anything missing gets its default. Push a warning for what was dropped or clamped. */
  extract(text: ParsedText, warnings: string[]): Partial<P>;
  /**
   * Why the user's content, though read, is not something this template may draw (percentages adding up
   * to 355% are not parts of a whole: no pie), and the template that fits it instead; undefined when it fits.
   * The analysis then says it did not understand, never draws it anyway.
   */
  misfit?(params: P): { message: string; instead?: string } | undefined;
  /** Facts computed from the params by the real algorithm or formula. */
  facts(params: P): Record<string, unknown>;
  compose(params: P, facts: Record<string, unknown>, ctx: ComposeContext): Composition;
}

// Heterogeneous registries hold templates of different param types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTemplate = TemplateDefinition<any>;

export function defineTemplate<P extends Record<string, unknown>>(def: TemplateDefinition<P>): TemplateDefinition<P> {
  return def;
}
