/** Downloads of views and data: SVG as serialised markup, PNG rendered from it, CSV and JSON. */
import { PIXELS_ATTRIBUTE } from './charts/PixelCanvas';

const SVG_NS = 'http://www.w3.org/2000/svg';

export function download(filename: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function serializeSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  pixelsAsImages(svg, clone);
  const { width, height } = svg.getBoundingClientRect();
  if (!clone.getAttribute('width')) clone.setAttribute('width', String(Math.round(width)));
  if (!clone.getAttribute('height')) clone.setAttribute('height', String(Math.round(height)));
  // Resolve CSS variables and inherited styles the standalone file would lose.
  const style = getComputedStyle(svg);
  clone.setAttribute('style', `background:${style.getPropertyValue('--panel-bg') || '#fff'};font-family:${style.fontFamily}`);
  return new XMLSerializer().serializeToString(clone);
}

/**
 * A standalone SVG cannot hold a <canvas>: each PixelCanvas's <foreignObject> in `clone` becomes an
 * <image> at the same place holding the original canvas's pixels as a PNG data URL (the clone's
 * canvases are blank: cloning copies no pixels).
 */
function pixelsAsImages(svg: SVGSVGElement, clone: SVGSVGElement): void {
  const selector = `foreignObject[${PIXELS_ATTRIBUTE}]`;
  const sources = [...svg.querySelectorAll(selector)];
  clone.querySelectorAll(selector).forEach((holder, i) => {
    const image = document.createElementNS(SVG_NS, 'image');
    for (const name of ['x', 'y', 'width', 'height']) image.setAttribute(name, holder.getAttribute(name) ?? '0');
    image.setAttribute('preserveAspectRatio', 'none');
    image.setAttribute('style', 'image-rendering: pixelated');
    const canvas = sources[i]?.querySelector('canvas');
    image.setAttribute('href', canvas ? canvas.toDataURL('image/png') : '');
    holder.replaceWith(image);
  });
}

export function svgBlob(svg: SVGSVGElement): Blob {
  return new Blob([serializeSvg(svg)], { type: 'image/svg+xml' });
}

export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('could not render the SVG'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<number | string>>): string {
  const cell = (v: number | string) => (typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);
  return [header.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}
