/**
 * Renders a vega-lite spec headless: vega-lite → vega → SVG text (`renderer: 'none'`, a
 * loader that refuses every URL, so nothing is ever fetched), then SVG → PNG with resvg and
 * an explicit font file shipped in an npm package (DejaVu Sans from `dejavu-fonts-ttf`), so
 * the PNG does not depend on the fonts of the machine. Output is deterministic: fixed sizes,
 * text widths estimated (never measured with a system canvas), SVG ids reset per render,
 * no dates.
 *
 * vega, vega-lite and resvg are loaded on first use only, so other commands start fast.
 */
import { createRequire } from 'node:module';
import type { Loader, View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';

/**
 * A vega loader that rejects every URL and file: charts are drawn from inline data only.
 * @example await refusingLoader.load('https://example.org/x.csv') // throws
 */
export const refusingLoader: Loader = {
  load: async (uri) => refuse(uri),
  sanitize: async (uri) => refuse(uri),
  http: async (uri) => refuse(uri),
  file: async (name) => refuse(name),
};

/** Options of {@link renderSvg}. */
export interface RenderSvgOptions {
  /** The loader vega uses for any URL (default {@link refusingLoader}); tests pass a spy. */
  readonly loader?: Loader;
  /** Receives vega and vega-lite warnings (default: dropped). */
  readonly onWarning?: (message: string) => void;
}

/**
 * Renders a vega-lite spec to standalone SVG text (title, axes and legend inside the SVG).
 * Two renders of the same spec give identical bytes.
 * @throws when the spec asks for a URL (the loader refuses it; vega's logged load errors are
 *   turned into an exception) or is invalid.
 * @example const svg = await renderSvg(buildLineSpec(rows, layout)); // '<svg xmlns=…'
 */
export async function renderSvg(spec: TopLevelSpec, options: RenderSvgOptions = {}): Promise<string> {
  const { vega, vl } = await libraries();
  const warn = options.onWarning ?? (() => undefined);
  const errors: string[] = [];
  const logger = collectingLogger(vega, warn, errors);
  const compiled = vl.compile(spec, { logger }).spec;
  vega.resetSVGDefIds();
  const view: View = new vega.View(vega.parse(compiled), { renderer: 'none', loader: options.loader ?? refusingLoader, logger });
  try {
    const svg = await view.toSVG();
    // vega logs a failed load and draws on with no data: a chart that silently lost its data is an error here
    if (errors.length > 0) throw new Error(`the chart could not be drawn: ${errors.join('; ')}`);
    return svg.endsWith('\n') ? svg : svg + '\n';
  } finally {
    view.finalize();
  }
}

/** Options of {@link svgToPng}. */
export interface SvgToPngOptions {
  /** Pixels per SVG pixel (default 2, for sharp text on print and high-density screens). */
  readonly scale?: number;
  /** Font file (TrueType) used for every text (default DejaVu Sans from `dejavu-fonts-ttf`). */
  readonly fontFile?: string;
}

/**
 * Rasterises SVG text to PNG bytes with resvg, using only the given font file (system fonts
 * are never loaded), on a white background. The PNG is `scale` × the SVG's width and height.
 * @example const png = await svgToPng(svg); // Uint8Array starting with 0x89 'PNG'
 */
export async function svgToPng(svg: string, options: SvgToPngOptions = {}): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const fontFile = options.fontFile ?? chartFontFile();
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: {
      loadSystemFonts: false,
      fontFiles: [fontFile],
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
      serifFamily: CHART_FONT_FAMILY,
      monospaceFamily: CHART_FONT_FAMILY,
    },
  });
  return new Uint8Array(resvg.render().asPng());
}

/** The font family every chart is written in. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

/**
 * Path of the TrueType font charts are rasterised with: DejaVu Sans from the
 * `dejavu-fonts-ttf` npm package (a dependency, so CI machines have it without system fonts).
 * @example chartFontFile() // '…/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'
 */
export function chartFontFile(): string {
  return createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
}

/**
 * Width and height of a PNG from its IHDR chunk.
 * @throws {RangeError} when the bytes are not a PNG.
 * @example pngSize(png) // { width: 1600, height: 900 }
 */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || sig.some((b, i) => png[i] !== b)) throw new RangeError('not a PNG file');
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

let loaded: Promise<{ vega: Vega; vl: VegaLite }> | null = null;

function libraries(): Promise<{ vega: Vega; vl: VegaLite }> {
  loaded ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => {
    // Text widths: always the built-in estimate, never a canvas package that may or may not
    // be installed, so layouts are the same on every machine.
    (vega as unknown as { textMetrics: { canvas(use: boolean): void } }).textMetrics.canvas(false);
    return { vega, vl };
  });
  return loaded;
}

function collectingLogger(vega: Vega, warn: (message: string) => void, errors: string[]) {
  const logger = vega.logger(vega.Warn);
  const text = (args: readonly unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  logger.error = (...args: readonly unknown[]) => {
    errors.push(text(args));
    return logger;
  };
  logger.warn = (...args: readonly unknown[]) => {
    // vega reports a refused or failed load as a mere warning ("Loading failed <url> <error>")
    if (args[0] === 'Loading failed') errors.push(text(args));
    else warn(text(args));
    return logger;
  };
  logger.info = () => logger;
  logger.debug = () => logger;
  return logger;
}

function refuse(uri: string): never {
  throw new Error(`charts are drawn from inline data only; refused to load "${uri}"`);
}
