import { useEffect, type RefObject } from 'react';

/**
 * Writes each chart's on-screen scale (CSS px per SVG user unit) into `--chart-scale` on the SVG,
 * so that lecture mode's CSS can size chart text in screen pixels whatever the chart is scaled to.
 */
export function useChartScale(root: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    const el = root.current;
    if (!el || !active) return;
    let frame = 0;
    const sizes = new ResizeObserver(() => schedule());
    const charts = () => el.querySelectorAll<SVGSVGElement>('.view-body svg');
    const update = () => {
      frame = 0;
      for (const svg of charts()) {
        sizes.observe(svg);
        const ctm = svg.getScreenCTM();
        // Before the SVG's own transforms: the scale of its user units alone.
        const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
        const value = scale > 0.05 && Number.isFinite(scale) ? scale.toFixed(3) : '1';
        if (svg.style.getPropertyValue('--chart-scale') !== value) svg.style.setProperty('--chart-scale', value);
      }
    };
    function schedule() {
      if (!frame) frame = requestAnimationFrame(update);
    }
    const changes = new MutationObserver(schedule);
    changes.observe(el, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['class', 'viewBox', 'width', 'height', 'hidden', 'open'],
    });
    sizes.observe(el);
    schedule();
    return () => {
      sizes.disconnect();
      changes.disconnect();
      cancelAnimationFrame(frame);
      for (const svg of charts()) svg.style.removeProperty('--chart-scale');
    };
  }, [root, active]);
}
