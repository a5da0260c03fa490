import { describe, expect, it } from 'vitest';
import { barChart } from '../src/report/svg-chart.js';
import { describeGoal, describeMeasured, target } from '../src/report/targets.js';
import { textTable } from '../src/report/text-table.js';
import { spread } from '../src/report/stats.js';

describe('targets', () => {
  it('meets an "at least" goal at or above it and an "at most" goal at or below it', () => {
    expect(target('a', 'A', 0.9, 'at least', 0.9, '×').met).toBe(true);
    expect(target('a', 'A', 0.89, 'at least', 0.9, '×').met).toBe(false);
    expect(target('b', 'B', 10, 'at most', 10, 'ms').met).toBe(true);
    expect(target('b', 'B', 10.5, 'at most', 10, 'ms').met).toBe(false);
  });

  it('never counts a missing figure as met', () => {
    expect(target('c', 'C', Number.NaN, 'at most', 30, 'MB').met).toBe(false);
  });

  it('prints one more digit when the rounded figure would read the same as the goal it misses', () => {
    expect(describeMeasured(target('t', 'tracing', 0.8986, 'at least', 0.9, '×'))).toBe('0.899×');
    expect(describeMeasured(target('l', 'login', 1.1532, 'at most', 1.15, '×'))).toBe('1.153×');
    expect(describeMeasured(target('e', 'exact', 0.9, 'at least', 0.9, '×'))).toBe('0.90×');
    expect(describeMeasured(target('f', 'far', 0.8, 'at least', 0.9, '×'))).toBe('0.80×');
  });

  it('judges the median of rounds and shows their range', () => {
    const result = target('d', 'D', spread([0.8, 0.95, 0.92]), 'at least', 0.9, '×');
    expect(result.met).toBe(true);
    expect(describeMeasured(result)).toBe('0.92× [0.80×–0.95×]');
    expect(describeGoal(result)).toBe('≥ 0.90×');
  });
});

describe('textTable', () => {
  it('aligns figures right and words left', () => {
    const lines = textTable(
      ['Name', 'req/s'],
      [
        ['a', '5'],
        ['longer', '1,234'],
      ],
    ).split('\n');
    expect(lines[2]).toBe('a           5');
    expect(lines[3]).toBe('longer  1,234');
  });
});

describe('barChart', () => {
  it('draws one bar per row and escapes labels', () => {
    const svg = barChart('Title', [
      { label: 'A & B', value: 10, min: 8, max: 12, kind: 'baseline' },
      { label: 'C', value: 5, min: 4, max: 6, kind: 'authlab' },
    ]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<rect /g)).toHaveLength(3); // background + two bars
    expect(svg).toContain('A &amp; B');
  });
});
