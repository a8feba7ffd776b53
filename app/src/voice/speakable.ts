// The narration as the voice should say it: captions are written in the house style (templates/format/: x², 2⁴,
// 1.5 × 10¹¹, 12 500, b₃), which espeak-ng reads wrongly ("x two", "twelve five hundred", "two four"). This rewrites
// that notation into words before synthesis; the caption itself is unchanged.

const DIGITS: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+', ˣ: 'x', ⁿ: 'n' };
const SUBSCRIPTS: Record<string, string> = { '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9', ₓ: 'x', ₙ: 'n' };

function plain(run: string, table: Record<string, string>): string {
  return [...run].map((c) => table[c] ?? c).join('');
}

/** Words for a power: "squared", "cubed", "to the power 4", "to the power minus 3". */
function power(exponent: string): string {
  if (exponent === '2') return ' squared';
  if (exponent === '3') return ' cubed';
  return ` to the power ${exponent.replace(/^-/, 'minus ').replace(/^\+/, 'plus ')}`;
}

/** `text` with superscript powers, subscripts, digit groups and × 10ⁿ in words espeak-ng says right. */
export function speakable(text: string): string {
  return (
    text
      // "12 500" (a narrow no-break space between digit groups) is one number.
      .replace(/(\d)\u202f(?=\d{3})/g, '$1')
      .replace(/ × 10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+)/g, (_m, e: string) => ` times ten${power(plain(e, DIGITS))}`)
      .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺ˣⁿ]+/g, (e) => power(plain(e, DIGITS)))
      .replace(/[₀₁₂₃₄₅₆₇₈₉ₓₙ]+/g, (s) => ` ${plain(s, SUBSCRIPTS)}`)
      .replace(/′/g, ' prime')
      .replace(/√/g, 'root ')
  );
}
