// Densities (kg/m³, near 20 °C) of the solids and liquids people put in buoyancy problems, as school tables
// round them. Sources: the CRC Handbook of Chemistry and Physics (densities of the elements, of common
// liquids and of mercury), and the figures school physics texts print for the mixed materials: wood varies
// with the tree and its dryness (pine about 500, oak about 750; "wood" alone is taken as 600), ice is
// 917, sea water 1025, cork 240. Fresh water is 998 at 20 °C and written 1000, as every school text does.

export interface Material {
  name: string;
  /** Spellings that name it, longest first where one contains another ("sea water" before "water"). */
  spellings: readonly string[];
  density: number;
}

export const SOLIDS: readonly Material[] = [
  { name: 'cork', spellings: ['cork'], density: 240 },
  { name: 'polystyrene', spellings: ['polystyrene foam', 'polystyrene', 'styrofoam'], density: 50 },
  { name: 'balsa', spellings: ['balsa wood', 'balsa'], density: 160 },
  { name: 'pine', spellings: ['pine wood', 'pine'], density: 500 },
  { name: 'oak', spellings: ['oak wood', 'oak'], density: 750 },
  { name: 'wood', spellings: ['wooden', 'wood', 'timber', 'log'], density: 600 },
  { name: 'wax', spellings: ['candle wax', 'paraffin wax', 'wax', 'candle'], density: 900 },
  { name: 'ice', spellings: ['iceberg', 'ice cube', 'ice'], density: 917 },
  { name: 'plastic', spellings: ['polyethylene', 'plastic'], density: 950 },
  { name: 'rubber', spellings: ['rubber'], density: 1100 },
  { name: 'concrete', spellings: ['concrete'], density: 2400 },
  { name: 'glass', spellings: ['glass marble', 'glass'], density: 2500 },
  { name: 'aluminium', spellings: ['aluminium', 'aluminum'], density: 2700 },
  { name: 'iron', spellings: ['iron'], density: 7870 },
  { name: 'steel', spellings: ['steel'], density: 7850 },
  { name: 'brass', spellings: ['brass'], density: 8500 },
  { name: 'copper', spellings: ['copper'], density: 8960 },
  { name: 'silver', spellings: ['silver'], density: 10490 },
  { name: 'lead', spellings: ['lead'], density: 11340 },
  { name: 'gold', spellings: ['gold'], density: 19300 },
];

export const FLUIDS: readonly Material[] = [
  { name: 'sea water', spellings: ['sea water', 'seawater', 'salt water', 'saltwater', 'the sea', 'ocean'], density: 1025 },
  { name: 'water', spellings: ['fresh water', 'freshwater', 'water'], density: 1000 },
  { name: 'oil', spellings: ['vegetable oil', 'cooking oil', 'olive oil', 'oil'], density: 920 },
  { name: 'ethanol', spellings: ['ethanol', 'alcohol'], density: 789 },
  { name: 'petrol', spellings: ['petrol', 'gasoline'], density: 740 },
  { name: 'glycerol', spellings: ['glycerol', 'glycerine', 'glycerin'], density: 1260 },
  { name: 'honey', spellings: ['honey'], density: 1420 },
  { name: 'mercury', spellings: ['mercury'], density: 13534 },
];

/** The first material of `table` named in the text, with where it is. */
export function materialIn(text: string, table: readonly Material[]): { material: Material; index: number } | undefined {
  let best: { material: Material; index: number; length: number } | undefined;
  for (const material of table) {
    for (const s of material.spellings) {
      const m = new RegExp(String.raw`\b${s.replace(/ /g, '\\s+')}\b`, 'i').exec(text);
      if (m && (!best || m.index < best.index || (m.index === best.index && m[0].length > best.length))) best = { material, index: m.index, length: m[0].length };
    }
  }
  return best && { material: best.material, index: best.index };
}
