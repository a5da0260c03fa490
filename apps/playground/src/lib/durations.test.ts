import { describe, expect, it } from 'vitest';
import { formatCountdown, formatMs, formatOffset, formatSpan } from './durations';

describe('durations', () => {
  it('counts down as m:ss under an hour and h mm above', () => {
    expect(formatCountdown(272)).toBe('4:32');
    expect(formatCountdown(9)).toBe('0:09');
    expect(formatCountdown(3900)).toBe('1 h 05 min');
    expect(formatCountdown(-5)).toBe('0:00');
  });

  it('rounds spans down to the largest whole unit', () => {
    expect(formatSpan(-200)).toBe('3 min');
    expect(formatSpan(59)).toBe('59 s');
    expect(formatSpan(7300)).toBe('2 h');
    expect(formatSpan(86_400)).toBe('1 day');
  });

  it('shows trace timings with sensible precision', () => {
    expect(formatMs(0.4213)).toBe('0.42 ms');
    expect(formatMs(12.34)).toBe('12.3 ms');
    expect(formatMs(1200)).toBe('1.20 s');
  });

  it('says how far the simulated clock runs ahead, exactly', () => {
    expect(formatOffset(0)).toBe('0 s');
    expect(formatOffset(45)).toBe('45 s');
    expect(formatOffset(900)).toBe('15 min');
    expect(formatOffset(5400)).toBe('1 h 30 min');
    expect(formatOffset(2 * 86_400 + 3600)).toBe('2 days 1 h');
  });
});
