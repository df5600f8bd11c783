/**
 * Where a pointer event falls in an <svg>'s own units (its viewBox), whatever size the view is
 * drawn at and however it is letterboxed (Focus, a projector); null when the browser cannot say.
 */
export function svgPoint(e: { clientX: number; clientY: number; currentTarget: SVGSVGElement }): { x: number; y: number } | null {
  const toScreen = e.currentTarget.getScreenCTM();
  if (!toScreen) return null;
  const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(toScreen.inverse());
  return { x: p.x, y: p.y };
}
