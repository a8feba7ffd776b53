// The brand's colour in a scene: kept when it already stands out from the style's background, moved in
// lightness (hue kept) when it does not, moved to the secondary role when it would look like the highlight,
// and ignored when absent or malformed. Contrast is checked with WCAG's formula written out here, not the
// module's own.
import test from 'ava';
import { brandPalette, brandScene } from '../../src/scene/brand-palette.ts';
import { parseHex, toOklab } from '../../src/scene/color.ts';
import { THEMES } from '../../src/scene/themes.ts';

function wcagContrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

const hue = (hex: string) => {
  const [, a, b] = toOklab(parseHex(hex));
  return (Math.atan2(b, a) * 180) / Math.PI;
};

const scene = (theme: keyof typeof THEMES) => ({ style: { theme, palette: {} } });

test('a brand colour that stands out from the background is used as it is', (t) => {
  t.deepEqual(brandPalette(scene('corporate_training'), { primary: '#0F766E' }), { primary: '#0f766e' });
  t.true(wcagContrast('#0f766e', THEMES.corporate_training.palette.background) >= 3);
});

test('a dark brand colour on a dark style is lightened until it reaches 3:1, keeping its hue', (t) => {
  const navy = '#1e3a8a';
  const bg = THEMES.mathematical.palette.background;
  t.true(wcagContrast(navy, bg) < 3, 'the test colour is too dark as it is');
  const { primary } = brandPalette(scene('mathematical'), { primary: navy });
  t.truthy(primary);
  t.true(wcagContrast(primary!, bg) >= 3, `${primary} on ${bg}`);
  t.true(Math.abs(hue(primary!) - hue(navy)) < 8, `hue ${hue(navy)} → ${hue(primary!)}`);
});

test('a pale brand colour on a light style is darkened', (t) => {
  const { primary } = brandPalette(scene('corporate_training'), { primary: '#bae6fd' });
  t.true(wcagContrast(primary!, THEMES.corporate_training.palette.background) >= 3);
});

test('a brand colour that would look like the highlight takes the secondary role, so the highlight still reads', (t) => {
  const overrides = brandPalette(scene('algorithmic'), { primary: '#fbd023' });
  t.deepEqual(Object.keys(overrides), ['secondary']);
});

test('no brand colour, or a malformed one, leaves the scene as it is', (t) => {
  const s = scene('scientific');
  t.is(brandScene(s, undefined), s);
  t.is(brandScene(s, {}), s);
  t.is(brandScene(s, { primary: 'teal' }), s);
  t.deepEqual(brandScene(s, { primary: '#22d3ee' }).style.palette, { primary: '#22d3ee' });
});
