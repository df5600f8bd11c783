/** Inline presentation constants shared by every chart, so an exported SVG looks right alone. */
export const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
export const INK = '#333333';
export const FAINT = '#bbbbbb';
export const GRID = '#e6e6e6';
export const TICK_FONT_SIZE = 10;
export const LABEL_FONT_SIZE = 11;

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
