// LaTeX → SVG with MathJax, offline, in the host. The player rasterises the SVG; formulas never
// reach the page as markup to interpret, only as an image.
import { createRequire } from 'node:module';
import type * as MathJaxCore from 'mathjax-full/js/mathjax.js';
import type * as TexInput from 'mathjax-full/js/input/tex.js';
import type * as SvgOutput from 'mathjax-full/js/output/svg.js';
import type * as LiteAdaptor from 'mathjax-full/js/adaptors/liteAdaptor.js';
import type { LiteElement } from 'mathjax-full/js/adaptors/lite/Element.js';
import type * as HtmlHandler from 'mathjax-full/js/handlers/html.js';
import type * as TexPackages from 'mathjax-full/js/input/tex/AllPackages.js';
import type { Scene } from '../scene/schema.ts';

export class MathError extends Error {
  override name = 'MathError';
}

type Converter = (latex: string) => string;
let converter: Converter | undefined;

// MathJax takes a sixth of a second to load: it is loaded on the first formula, so scenes without
// one (and every command start-up) do not pay for it. Its modules are CommonJS, so require is sync.
const require = createRequire(import.meta.url);

function createConverter(): Converter {
  const { mathjax } = require('mathjax-full/js/mathjax.js') as typeof MathJaxCore;
  const { TeX } = require('mathjax-full/js/input/tex.js') as typeof TexInput;
  const { SVG } = require('mathjax-full/js/output/svg.js') as typeof SvgOutput;
  const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js') as typeof LiteAdaptor;
  const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js') as typeof HtmlHandler;
  const { AllPackages } = require('mathjax-full/js/input/tex/AllPackages.js') as typeof TexPackages;
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  // Leave out packages that could load anything at run time.
  const packages = AllPackages.filter((p: string) => !['autoload', 'require', 'html'].includes(p));
  const doc = mathjax.document('', { InputJax: new TeX({ packages }), OutputJax: new SVG({ fontCache: 'none' }) });
  return (latex) => {
    // The document is untyped (MathDocument<any, …>); with the lite adaptor, converting gives a LiteElement.
    const node = doc.convert(latex, { display: true, em: 100, ex: 43, containerWidth: 100_000 }) as LiteElement;
    const svg = adaptor.innerHTML(node);
    const error = /data-mjx-error="([^"]*)"/.exec(svg);
    if (error) throw new MathError(`cannot typeset "${latex}": ${error[1]}`);
    // Sizes come in ex; the viewBox is in thousandths of an em. Size the image at 1 em = 100 px
    // so the player can scale it exactly.
    const box = /viewBox="(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg);
    if (!box) throw new MathError(`cannot typeset "${latex}": MathJax returned no viewBox`);
    const width = (parseFloat(box[3]!) / 10).toFixed(2);
    const height = (parseFloat(box[4]!) / 10).toFixed(2);
    return svg.replace(/width="[^"]*ex"/, `width="${width}px"`).replace(/height="[^"]*ex"/, `height="${height}px"`);
  };
}

export function latexToSvg(latex: string): string {
  converter ??= createConverter();
  return converter(latex);
}

/** Every formula a scene shows (objects and timeline changes) → SVG. */
export function mathAssets(scene: Scene): Record<string, string> {
  const sources = new Set<string>();
  for (const obj of scene.objects) if (obj.type === 'math') sources.add(obj.latex);
  for (const entry of scene.timeline) if (entry.type === 'set' && entry.property === 'latex' && typeof entry.value === 'string') sources.add(entry.value);
  const out: Record<string, string> = {};
  for (const latex of sources) out[latex] = latexToSvg(latex);
  return out;
}
