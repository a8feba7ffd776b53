// The number and notation formatter every template uses for what it writes on screen (see docs/house-style.md).
export { formatExpression, formatNode } from './expression.ts';
export { DEFAULT_SIG_FIGS, GROUP_SEPARATOR, MAX_SIG_FIGS, MINUS, decimalsFor, formatInteger, formatNumber, magnitude, numberTex, significantFigures, type NumberFormat } from './number.ts';
export { ScenePrecision, formatQuantity, withUnit, type QuantityFormat } from './quantity.ts';
export { canRaise, subscript, superscript } from './superscript.ts';
