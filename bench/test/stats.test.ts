import { describe, expect, it } from 'vitest';
import { median, pairedRatios, percentile, summariseLatencies } from '../src/report/stats.js';

describe('stats', () => {
  it('takes the nearest-rank percentile of sorted values', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([], 50)).toBeNaN();
  });

  it('takes the median of odd and even counts, in any order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('summarises latencies without relying on their order', () => {
    expect(summariseLatencies([5, 1, 3, 2, 4])).toEqual({
      p50: 3,
      p90: 5,
      p99: 5,
      max: 5,
      mean: 3,
    });
  });

  it('pairs ratios round by round, then reports their median and range', () => {
    const ratios = pairedRatios([90, 80, 100], [100, 100, 100]);
    expect(ratios.median).toBeCloseTo(0.9);
    expect(ratios.min).toBeCloseTo(0.8);
    expect(ratios.max).toBeCloseTo(1);
  });
});
