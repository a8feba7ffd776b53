// Refractive indices of the media people name in refraction problems, for yellow light (the sodium D line,
// 589 nm) near room temperature, rounded as school tables print them. Sources: E. Hecht, Optics (its table
// of indices of refraction), the CRC Handbook of Chemistry and Physics (index of refraction of liquids and of
// optical glasses), and refractiveindex.info for water (1.333), fused quartz (1.458) and acrylic (1.491). Air
// is 1.0003, written 1.00 as school texts do; "glass" alone is the school value 1.5 (crown glass is 1.52).

export interface OpticalMedium {
  name: string;
  /** Spellings that name it, longest first where one contains another ("crown glass" before "glass"). */
  spellings: readonly string[];
  index: number;
}

export const OPTICAL_MEDIA: readonly OpticalMedium[] = [
  { name: 'vacuum', spellings: ['vacuum', 'empty space'], index: 1 },
  { name: 'air', spellings: ['air'], index: 1.0 },
  { name: 'water', spellings: ['sea water', 'seawater', 'water'], index: 1.33 },
  { name: 'ice', spellings: ['ice'], index: 1.31 },
  { name: 'ethanol', spellings: ['ethanol', 'alcohol'], index: 1.36 },
  { name: 'quartz', spellings: ['fused silica', 'quartz'], index: 1.46 },
  { name: 'glycerol', spellings: ['glycerol', 'glycerine', 'glycerin'], index: 1.47 },
  { name: 'oil', spellings: ['vegetable oil', 'sunflower oil', 'olive oil', 'cooking oil', 'oil'], index: 1.47 },
  { name: 'perspex', spellings: ['perspex', 'acrylic', 'plexiglass', 'plexiglas'], index: 1.49 },
  { name: 'crown glass', spellings: ['crown glass'], index: 1.52 },
  { name: 'flint glass', spellings: ['flint glass'], index: 1.62 },
  { name: 'glass', spellings: ['glass'], index: 1.5 },
  { name: 'diamond', spellings: ['diamond'], index: 2.42 },
];

/** Every medium named in the text, in the order written (one mention each; "crown glass" is not also "glass"). */
export function mediaIn(text: string): { medium: OpticalMedium; index: number; end: number }[] {
  const found: { medium: OpticalMedium; index: number; end: number }[] = [];
  const taken: [number, number][] = [];
  const all = OPTICAL_MEDIA.flatMap((medium) => medium.spellings.map((s) => ({ medium, s }))).sort((a, b) => b.s.length - a.s.length);
  for (const { medium, s } of all) {
    const re = new RegExp(String.raw`\b${s.replace(/ /g, '\\s+')}\b`, 'gi');
    for (const m of text.matchAll(re)) {
      const at = m.index;
      const end = at + m[0].length;
      if (taken.some(([a, b]) => at < b && end > a)) continue;
      taken.push([at, end]);
      found.push({ medium, index: at, end });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
