// Electron configurations: subshells filled in Madelung (aufbau) order — 1s 2s 2p 3s 3p 4s 3d … —
// then corrected for the elements whose measured ground state differs (Cr, Cu, Pd, Au, …; NIST).
// For Z ≤ 20 this gives exactly the school Bohr filling 2, 8, 8, 2.

export interface Subshell {
  n: number;
  /** Azimuthal quantum number: 0 = s, 1 = p, 2 = d, 3 = f. */
  l: number;
  electrons: number;
}

const LETTERS = 'spdfg';
export const SHELL_NAMES = ['K', 'L', 'M', 'N', 'O', 'P', 'Q'];

/** Subshells in Madelung order (n + l ascending, then n), enough for Z ≤ 118. */
function madelungOrder(): { n: number; l: number }[] {
  const out: { n: number; l: number }[] = [];
  for (let n = 1; n <= 7; n++) for (let l = 0; l < Math.min(n, 4); l++) out.push({ n, l });
  return out.sort((a, b) => a.n + a.l - (b.n + b.l) || a.n - b.n);
}
const ORDER = madelungOrder();

/** Measured ground states that break the Madelung rule: subshell → electrons. */
const EXCEPTIONS: Record<number, Record<string, number>> = {
  24: { '4s': 1, '3d': 5 },
  29: { '4s': 1, '3d': 10 },
  41: { '5s': 1, '4d': 4 },
  42: { '5s': 1, '4d': 5 },
  44: { '5s': 1, '4d': 7 },
  45: { '5s': 1, '4d': 8 },
  46: { '5s': 0, '4d': 10 },
  47: { '5s': 1, '4d': 10 },
  57: { '4f': 0, '5d': 1 },
  58: { '4f': 1, '5d': 1 },
  64: { '4f': 7, '5d': 1 },
  78: { '6s': 1, '5d': 9 },
  79: { '6s': 1, '5d': 10 },
  89: { '5f': 0, '6d': 1 },
  90: { '5f': 0, '6d': 2 },
  91: { '5f': 2, '6d': 1 },
  92: { '5f': 3, '6d': 1 },
  93: { '5f': 4, '6d': 1 },
  96: { '5f': 7, '6d': 1 },
  103: { '6d': 0, '7p': 1 },
};

export function subshellName(s: { n: number; l: number }): string {
  return `${s.n}${LETTERS[s.l]}`;
}

/** Occupied subshells of the neutral atom's ground state, in filling order. */
export function electronConfiguration(z: number): Subshell[] {
  let left = z;
  const filled: Subshell[] = [];
  for (const { n, l } of ORDER) {
    if (left <= 0) break;
    const electrons = Math.min(left, 2 * (2 * l + 1));
    filled.push({ n, l, electrons });
    left -= electrons;
  }
  const fix = EXCEPTIONS[z];
  if (fix) {
    for (const [name, electrons] of Object.entries(fix)) {
      const existing = filled.find((s) => subshellName(s) === name);
      if (existing) existing.electrons = electrons;
      else filled.push({ n: Number(name[0]), l: LETTERS.indexOf(name[1]!), electrons });
    }
  }
  return filled.filter((s) => s.electrons > 0);
}

/** Electrons per shell (K, L, M, …): the Bohr-model picture. */
export function shellCounts(z: number): number[] {
  const shells: number[] = [];
  for (const s of electronConfiguration(z)) {
    while (shells.length < s.n) shells.push(0);
    shells[s.n - 1]! += s.electrons;
  }
  return shells;
}

/** "1s2 2s2 2p6 3s1" */
export function configurationText(z: number): string {
  return electronConfiguration(z)
    .map((s) => `${subshellName(s)}${s.electrons}`)
    .join(' ');
}

/** "1s^{2}\,2s^{2}…" for the math object. */
export function configurationLatex(z: number): string {
  return electronConfiguration(z)
    .map((s) => `${subshellName(s)}^{${s.electrons}}`)
    .join('\\,');
}
