// The periodic table: all 118 elements with symbol, name, standard atomic weight (IUPAC abridged;
// the mass number of the longest-lived isotope for elements without stable ones), Jmol/CPK colour
// and van der Waals radius in ångström (Bondi/Mantina; 2.0 where none is tabulated).

export interface Element {
  /** Atomic number Z. */
  z: number;
  symbol: string;
  name: string;
  /** Standard atomic weight in g/mol (or the mass number of the longest-lived isotope). */
  mass: number;
  /** True when `mass` is a mass number because the element has no stable isotope. */
  synthetic: boolean;
  /** CPK colour as used by Jmol. */
  color: string;
  /** Van der Waals radius, Å. */
  vdwRadius: number;
}

// Z symbol name mass colour vdW ("-" = not tabulated). Masses in [brackets] are mass numbers.
const TABLE = `
1 H Hydrogen 1.008 FFFFFF 1.20
2 He Helium 4.0026 D9FFFF 1.40
3 Li Lithium 6.94 CC80FF 1.82
4 Be Beryllium 9.0122 C2FF00 1.53
5 B Boron 10.81 FFB5B5 1.92
6 C Carbon 12.011 909090 1.70
7 N Nitrogen 14.007 3050F8 1.55
8 O Oxygen 15.999 FF0D0D 1.52
9 F Fluorine 18.998 90E050 1.47
10 Ne Neon 20.180 B3E3F5 1.54
11 Na Sodium 22.990 AB5CF2 2.27
12 Mg Magnesium 24.305 8AFF00 1.73
13 Al Aluminium 26.982 BFA6A6 1.84
14 Si Silicon 28.085 F0C8A0 2.10
15 P Phosphorus 30.974 FF8000 1.80
16 S Sulfur 32.06 FFFF30 1.80
17 Cl Chlorine 35.45 1FF01F 1.75
18 Ar Argon 39.95 80D1E3 1.88
19 K Potassium 39.098 8F40D4 2.75
20 Ca Calcium 40.078 3DFF00 2.31
21 Sc Scandium 44.956 E6E6E6 -
22 Ti Titanium 47.867 BFC2C7 -
23 V Vanadium 50.942 A6A6AB -
24 Cr Chromium 51.996 8A99C7 -
25 Mn Manganese 54.938 9C7AC7 -
26 Fe Iron 55.845 E06633 -
27 Co Cobalt 58.933 F090A0 -
28 Ni Nickel 58.693 50D050 1.63
29 Cu Copper 63.546 C88033 1.40
30 Zn Zinc 65.38 7D80B0 1.39
31 Ga Gallium 69.723 C28F8F 1.87
32 Ge Germanium 72.630 668F8F 2.11
33 As Arsenic 74.922 BD80E3 1.85
34 Se Selenium 78.971 FFA100 1.90
35 Br Bromine 79.904 A62929 1.85
36 Kr Krypton 83.798 5CB8D1 2.02
37 Rb Rubidium 85.468 702EB0 3.03
38 Sr Strontium 87.62 00FF00 2.49
39 Y Yttrium 88.906 94FFFF -
40 Zr Zirconium 91.224 94E0E0 -
41 Nb Niobium 92.906 73C2C9 -
42 Mo Molybdenum 95.95 54B5B5 -
43 Tc Technetium [98] 3B9E9E -
44 Ru Ruthenium 101.07 248F8F -
45 Rh Rhodium 102.91 0A7D8C -
46 Pd Palladium 106.42 006985 1.63
47 Ag Silver 107.87 C0C0C0 1.72
48 Cd Cadmium 112.41 FFD98F 1.58
49 In Indium 114.82 A67573 1.93
50 Sn Tin 118.71 668080 2.17
51 Sb Antimony 121.76 9E63B5 2.06
52 Te Tellurium 127.60 D47A00 2.06
53 I Iodine 126.90 940094 1.98
54 Xe Xenon 131.29 429EB0 2.16
55 Cs Caesium 132.91 57178F 3.43
56 Ba Barium 137.33 00C900 2.68
57 La Lanthanum 138.91 70D4FF -
58 Ce Cerium 140.12 FFFFC7 -
59 Pr Praseodymium 140.91 D9FFC7 -
60 Nd Neodymium 144.24 C7FFC7 -
61 Pm Promethium [145] A3FFC7 -
62 Sm Samarium 150.36 8FFFC7 -
63 Eu Europium 151.96 61FFC7 -
64 Gd Gadolinium 157.25 45FFC7 -
65 Tb Terbium 158.93 30FFC7 -
66 Dy Dysprosium 162.50 1FFFC7 -
67 Ho Holmium 164.93 00FF9C -
68 Er Erbium 167.26 00E675 -
69 Tm Thulium 168.93 00D452 -
70 Yb Ytterbium 173.05 00BF38 -
71 Lu Lutetium 174.97 00AB24 -
72 Hf Hafnium 178.49 4DC2FF -
73 Ta Tantalum 180.95 4DA6FF -
74 W Tungsten 183.84 2194D6 -
75 Re Rhenium 186.21 267DAB -
76 Os Osmium 190.23 266696 -
77 Ir Iridium 192.22 175487 -
78 Pt Platinum 195.08 D0D0E0 1.75
79 Au Gold 196.97 FFD123 1.66
80 Hg Mercury 200.59 B8B8D0 1.55
81 Tl Thallium 204.38 A6544D 1.96
82 Pb Lead 207.2 575961 2.02
83 Bi Bismuth 208.98 9E4FB5 2.07
84 Po Polonium [209] AB5C00 1.97
85 At Astatine [210] 754F45 2.02
86 Rn Radon [222] 428296 2.20
87 Fr Francium [223] 420066 3.48
88 Ra Radium [226] 007D00 2.83
89 Ac Actinium [227] 70ABFA -
90 Th Thorium 232.04 00BAFF -
91 Pa Protactinium 231.04 00A1FF -
92 U Uranium 238.03 008FFF 1.86
93 Np Neptunium [237] 0080FF -
94 Pu Plutonium [244] 006BFF -
95 Am Americium [243] 545CF2 -
96 Cm Curium [247] 785CE3 -
97 Bk Berkelium [247] 8A4FE3 -
98 Cf Californium [251] A136D4 -
99 Es Einsteinium [252] B31FD4 -
100 Fm Fermium [257] B31FBA -
101 Md Mendelevium [258] B30DA6 -
102 No Nobelium [259] BD0D87 -
103 Lr Lawrencium [266] C70066 -
104 Rf Rutherfordium [267] CC0059 -
105 Db Dubnium [268] D1004F -
106 Sg Seaborgium [269] D90045 -
107 Bh Bohrium [270] E00038 -
108 Hs Hassium [269] E6002E -
109 Mt Meitnerium [278] EB0026 -
110 Ds Darmstadtium [281] EB0026 -
111 Rg Roentgenium [282] EB0026 -
112 Cn Copernicium [285] EB0026 -
113 Nh Nihonium [286] EB0026 -
114 Fl Flerovium [289] EB0026 -
115 Mc Moscovium [290] EB0026 -
116 Lv Livermorium [293] EB0026 -
117 Ts Tennessine [294] EB0026 -
118 Og Oganesson [294] EB0026 -
`;

const DEFAULT_VDW = 2.0;

export const ELEMENTS: readonly Element[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [z, symbol, name, mass, color, vdw] = line.split(' ') as [string, string, string, string, string, string];
    const synthetic = mass.startsWith('[');
    return {
      z: Number(z),
      symbol,
      name,
      mass: Number(mass.replace(/[[\]]/g, '')),
      synthetic,
      color: `#${color.toLowerCase()}`,
      vdwRadius: vdw === '-' ? DEFAULT_VDW : Number(vdw),
    };
  });

const BY_SYMBOL = new Map(ELEMENTS.map((e) => [e.symbol, e]));
const BY_LOWER = new Map<string, Element>();
for (const e of ELEMENTS) {
  BY_LOWER.set(e.symbol.toLowerCase(), e);
  BY_LOWER.set(e.name.toLowerCase(), e);
}
// Spellings people use besides IUPAC's.
for (const [alias, symbol] of [
  ['aluminum', 'Al'],
  ['cesium', 'Cs'],
  ['sulphur', 'S'],
  ['wolfram', 'W'],
] as const)
  BY_LOWER.set(alias, BY_SYMBOL.get(symbol)!);

/** By exact symbol ("Na", case-sensitive as in formulas). */
export function elementBySymbol(symbol: string): Element | undefined {
  return BY_SYMBOL.get(symbol);
}

/** By atomic number. */
export function elementByNumber(z: number): Element | undefined {
  return ELEMENTS[z - 1];
}

/** By symbol or name, any case ("na", "Sodium", "sulphur"). */
export function findElement(word: string): Element | undefined {
  return BY_LOWER.get(word.trim().toLowerCase());
}

/** Names and alternative spellings, for recognising elements in text. */
export function elementNames(): string[] {
  return [...BY_LOWER.keys()].filter((k) => k.length > 2);
}
