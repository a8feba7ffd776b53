// How quantities are read from text, and which descriptions physics must (and must not) claim.
import test from 'ava';
import { analyze, parseText } from '../../src/analysis/analyze.ts';
import { ACCELERATION_UNITS, LENGTH_UNITS, MASS_UNITS, SPEED_UNITS, STIFFNESS_UNITS, allQuantities, angleIn, namedQuantity, parseNum, quantityIn } from '../../src/templates/science/physics/quantities.ts';
import { frictionIn, gravityIn } from '../../src/templates/science/physics/common-params.ts';
import { choosePlayback } from '../../src/templates/science/physics/stage.ts';
import { fmt } from '../../src/templates/science/physics/format.ts';

test('numbers as people write them', (t) => {
  t.is(parseNum('20'), 20);
  t.is(parseNum('-3.5'), -3.5);
  t.is(parseNum('−3.5'), -3.5);
  t.is(parseNum('1,000'), 1000);
  t.is(parseNum('1.5e11'), 1.5e11);
  t.is(parseNum('1.5 × 10^11'), 1.5e11);
  t.is(parseNum('1.5x10¹¹'), 1.5e11);
  t.is(parseNum('6.67 × 10⁻¹¹'), 6.67e-11);
  t.is(parseNum('two'), 2);
  t.is(parseNum('half a'), 0.5);
});

test('speeds, lengths, masses and accelerations in any common unit, converted to SI', (t) => {
  t.is(quantityIn('at 20 m/s', SPEED_UNITS), 20);
  t.is(quantityIn('at 20 meters per second', SPEED_UNITS), 20);
  t.is(quantityIn('at 20 metres per second', SPEED_UNITS), 20);
  t.is(quantityIn('at 72 km/h', SPEED_UNITS), 20);
  t.is(quantityIn('at 10 mph', SPEED_UNITS), 4.4704);
  t.is(quantityIn('2.5 m s^-1', SPEED_UNITS), 2.5);
  t.is(quantityIn('from a height of 10 m', LENGTH_UNITS), 10);
  t.is(quantityIn('a 2-metre rod', LENGTH_UNITS), 2);
  t.is(quantityIn('1.5 km', LENGTH_UNITS), 1500);
  t.is(quantityIn('30 cm long', LENGTH_UNITS), 0.3);
  t.is(quantityIn('3 ft', LENGTH_UNITS), 0.9144);
  t.is(quantityIn('at 1 AU', LENGTH_UNITS), 1.495978707e11);
  t.is(quantityIn('2 kg', MASS_UNITS), 2);
  t.is(quantityIn('500 g', MASS_UNITS), 0.5);
  t.is(quantityIn('two kilograms', MASS_UNITS), 2);
  t.is(quantityIn('k = 50 N/m', STIFFNESS_UNITS), 50);
  t.is(quantityIn('0.5 N/cm', STIFFNESS_UNITS), 50);
  t.is(quantityIn('g = 9.8 m/s²', ACCELERATION_UNITS), 9.8);
  t.is(quantityIn('1.62 m/s^2', ACCELERATION_UNITS), 1.62);
  // A unit never runs on into a longer one.
  t.is(quantityIn('20 m/s', LENGTH_UNITS), undefined);
  t.is(quantityIn('9.8 m/s²', SPEED_UNITS), undefined);
  t.is(quantityIn('20 meters per second', LENGTH_UNITS), undefined);
  t.is(quantityIn('6 kg·m/s', MASS_UNITS), undefined);
  t.deepEqual(
    allQuantities('a 2 kg ball at 3 m/s and a 1 kg ball', MASS_UNITS).map((q) => q.value),
    [2, 1],
  );
});

test('angles in degrees, radians and multiples of pi', (t) => {
  t.is(angleIn('at 45 degrees'), 45);
  t.is(angleIn('at 45°'), 45);
  t.is(angleIn('a 30-degree incline'), 30);
  t.is(angleIn('at 30 deg'), 30);
  t.is(angleIn('at 45 degres'), 45);
  t.is(angleIn('at pi/4 rad'), 45);
  t.is(angleIn('at π/3'), 60);
  t.is(angleIn('at 2pi/3 radians'), 120);
  t.true(Math.abs(angleIn('at 0.5 rad')! - 28.6479) < 1e-4);
  t.is(angleIn('at an angle of 30'), 30);
  t.is(angleIn('θ = 60'), 60);
  t.is(angleIn('a spinning ball'), undefined, '"pi" inside a word is not an angle');
});

test('named values, friction coefficients and gravity', (t) => {
  t.is(namedQuantity('length of 2 m', ['length'], LENGTH_UNITS), 2);
  t.is(namedQuantity('length: 50 cm', ['length'], LENGTH_UNITS), 0.5);
  t.is(frictionIn('μ = 0.2'), 0.2);
  t.is(frictionIn('µ=0.3'), 0.3);
  t.is(frictionIn('mu 0.25'), 0.25);
  t.is(frictionIn('friction coefficient 0.2'), 0.2);
  t.is(frictionIn('coefficient of friction of 0.4'), 0.4);
  t.is(frictionIn('coefficient of kinetic friction = 0.1'), 0.1);
  t.is(frictionIn('a frictionless ramp'), 0);
  t.is(frictionIn('a ramp'), undefined);
  const g = (s: string) => gravityIn(parseText(s), []);
  t.is(g('with g = 1.62'), 1.62);
  t.is(g('gravity of 3.7 m/s²'), 3.7);
  t.is(g('on Mars'), 3.71);
  t.is(g('on the Moon'), 1.62);
  t.is(g('G = 6.67e-11'), undefined, 'capital G is the gravitational constant');
  t.is(g('a ball'), undefined);
});

test('playback speed: real time when watchable, otherwise a round factor that is said on screen', (t) => {
  t.deepEqual(choosePlayback(3), { factor: 1, label: 'real time' });
  t.is(choosePlayback(0.5).factor, 5);
  t.regex(choosePlayback(0.5).label, /slow motion/);
  t.is(choosePlayback(60).factor, 0.1);
  t.regex(choosePlayback(60).label, /sped up 10×/);
  // On screen: three significant figures, a real minus sign, powers of ten (the house formatter).
  t.is(fmt(1.496e11), '1.5 × 10¹¹');
  t.is(fmt(-3.2061), '−3.21');
  t.is(fmt(6.674e-11), '6.67 × 10⁻¹¹');
});

test('each physics description goes to its template', (t) => {
  const cases: [string, string][] = [
    ['Projectile launched at 20 m/s at 45 degrees', 'physics.projectile'],
    ['a ball is thrown horizontally off a 10 m table at 3 m/s', 'physics.projectile'],
    ['A ball dropped from 20 meters', 'physics.free_fall'],
    ['free-fall from 100 m', 'physics.free_fall'],
    ['simple pendulum of length 2 m', 'physics.pendulum'],
    ['mass on a spring, 2 kg, k = 50 N/m', 'physics.spring'],
    ["show Hooke's law", 'physics.spring'],
    ['simple harmonic motion', 'physics.spring'],
    ['Elastic collision between a 2 kg ball at 3 m/s and a 1 kg ball at rest', 'physics.collision'],
    ['conservation of momentum', 'physics.collision'],
    ['block sliding down a 30 degree incline with friction coefficient 0.2', 'physics.incline'],
    ['inclined plane', 'physics.incline'],
    ['standing wave', 'physics.wave'],
    ['transverse waves on a rope', 'physics.wave'],
    ['Earth orbiting the Sun', 'physics.orbit'],
    ["Kepler's third law", 'physics.orbit'],
    ['Solar system with planets orbiting', 'astronomy.solar_system'],
    ['the eight planets', 'astronomy.solar_system'],
  ];
  for (const [text, id] of cases) t.is(analyze(text).template, id, text);
});

test('physics does not claim what belongs elsewhere', (t) => {
  const others = [
    'Demonstrate bubble sort on 5 3 8 1',
    'hash table with collisions, keys 12 44 13 88',
    'Fourier series of a square wave with 7 terms',
    'sawtooth wave with 5 terms',
    'Plot y = sin(x)',
    'Bohr model of sodium',
    'electrons orbiting the nucleus of a carbon atom',
    'derivative of x^3 at x = 2',
    'Breadth-first search on a graph starting at A',
    'Employee onboarding process: application, interview, offer, first day',
    'Sales funnel: 1000 visitors, 300 leads, 50 customers',
    'sprint planning process: backlog, estimate, commit',
    'reverse a string',
    'molar mass of carbonic acid',
    'Three key safety rules: wear a helmet, report hazards, keep exits clear',
    'rotating dodecahedron',
    'drop duplicates from 1 2 2 3',
    'timeline of opening our satellite office',
    'a wave of new hires: 2019 10, 2020 25',
  ];
  for (const text of others) t.false(/^(physics|astronomy)\./.test(analyze(text).template), `${text} → ${analyze(text).template}`);
});
