// Unicode superscripts for powers in plain text (x², 2⁴, 10⁻³): what captions and labels show instead of a caret,
// since the canvas that draws them has no markup. Only what Unicode has a superscript for can be raised.
const RAISED: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
  '−': '⁻',
  '+': '⁺',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  n: 'ⁿ',
  i: 'ⁱ',
  x: 'ˣ',
};

const LOWERED: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '-': '₋', '+': '₊', n: 'ₙ', i: 'ᵢ', x: 'ₓ' };

/** `text` in subscript characters ("13" → "₁₃"), for indices in plain text (b₃, F₉, x₀); unknown characters stay as they are. */
export function subscript(text: string): string {
  return [...text].map((c) => LOWERED[c] ?? c).join('');
}

/** Whether every character of `text` has a superscript form. */
export function canRaise(text: string): boolean {
  return text.length > 0 && [...text].every((c) => RAISED[c] !== undefined);
}

/** `text` in superscript characters ("−3" → "⁻³"); throws for a character with none (check canRaise first). */
export function superscript(text: string): string {
  return [...text]
    .map((c) => {
      const raised = RAISED[c];
      if (raised === undefined) throw new RangeError(`"${c}" has no superscript form`);
      return raised;
    })
    .join('');
}
