export interface Bar {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Baselines are drawn grey, authlab blue. */
  kind: 'baseline' | 'authlab';
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A small horizontal bar chart of median requests per second, with a whisker from the lowest to
 * the highest round: plain SVG that renders on GitHub and needs no library.
 */
export function barChart(title: string, bars: Bar[]): string {
  const labelWidth = 300;
  const plotWidth = 360;
  const rowHeight = 24;
  const top = 34;
  const width = labelWidth + plotWidth + 80;
  const height = top + bars.length * rowHeight + 16;
  const scaleMax = Math.max(...bars.map((bar) => bar.max), 1);
  const x = (value: number) => labelWidth + (value / scaleMax) * plotWidth;
  const rows = bars.map((bar, index) => {
    const y = top + index * rowHeight;
    const colour = bar.kind === 'baseline' ? '#9aa0a6' : '#1a73e8';
    return [
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escape(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${(x(bar.value) - labelWidth).toFixed(1)}" height="${rowHeight - 8}" fill="${colour}"/>`,
      `<line x1="${x(bar.min).toFixed(1)}" x2="${x(bar.max).toFixed(1)}" y1="${y + 12}" y2="${y + 12}" stroke="#202124"/>`,
      `<text x="${(x(bar.max) + 6).toFixed(1)}" y="${y + 15}">${Math.round(bar.value).toLocaleString('en-US')}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12" fill="#202124">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="8" y="20" font-size="14" font-weight="bold">${escape(title)}</text>`,
    ...rows,
    '</svg>',
    '',
  ].join('\n');
}
