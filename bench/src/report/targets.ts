import type { Spread } from './stats.js';

/** One target from issue 7: a measured figure, the goal, and whether it was met. */
export interface TargetResult {
  id: string;
  label: string;
  measured: number;
  /** Smallest and largest value over the rounds, where the figure is a median of rounds. */
  range?: { min: number; max: number };
  goal: number;
  comparison: 'at least' | 'at most';
  unit: '×' | 'ms' | 'MB';
  met: boolean;
  /** Set when the figure could not be taken (for example cookie mode not built yet). */
  missingReason?: string;
}

export function target(
  id: string,
  label: string,
  measured: number | Spread,
  comparison: TargetResult['comparison'],
  goal: number,
  unit: TargetResult['unit'],
): TargetResult {
  const value = typeof measured === 'number' ? measured : measured.median;
  const met = comparison === 'at least' ? value >= goal : value <= goal;
  return {
    id,
    label,
    measured: value,
    ...(typeof measured === 'number' ? {} : { range: { min: measured.min, max: measured.max } }),
    goal,
    comparison,
    unit,
    met: Number.isFinite(value) && met,
  };
}

/** `extraDigits` adds decimals, for a figure that would otherwise print the same as its goal. */
export function formatValue(value: number, unit: TargetResult['unit'], extraDigits = 0): string {
  if (!Number.isFinite(value)) return '—';
  if (unit === '×') return `${value.toFixed(2 + extraDigits)}×`;
  if (unit === 'ms') return `${value.toFixed((value < 10 ? 2 : 1) + extraDigits)} ms`;
  return `${value.toFixed(1 + extraDigits)} MB`;
}

export function describeGoal(result: Pick<TargetResult, 'comparison' | 'goal' | 'unit'>): string {
  return `${result.comparison === 'at least' ? '≥' : '≤'} ${formatValue(result.goal, result.unit)}`;
}

export function describeMeasured(result: TargetResult): string {
  const range = result.range
    ? ` [${formatValue(result.range.min, result.unit)}–${formatValue(result.range.max, result.unit)}]`
    : '';
  // 0.8986× next to a goal of 0.90× would print "0.90× … MISSED": show the digit that decides.
  const tiesGoal =
    result.measured !== result.goal &&
    formatValue(result.measured, result.unit) === formatValue(result.goal, result.unit);
  return `${formatValue(result.measured, result.unit, tiesGoal ? 1 : 0)}${range}`;
}
