import type { Trace, TraceCheck, TraceEvent } from '@authlab/shared';

type DetailValue = NonNullable<TraceEvent['detail']>[string];

/** One check of a step on both sides: ok true, false, null (never ran), or absent. */
export interface CheckRow {
  name: string;
  a: TraceCheck | undefined;
  b: TraceCheck | undefined;
  differs: boolean;
}

/** One recorded fact of a step on both sides. */
export interface DetailRow {
  key: string;
  a: DetailValue | undefined;
  b: DetailValue | undefined;
  differs: boolean;
}

/** One step, aligned: the same step name on both sides, or a step only one request reached. */
export interface StepRow {
  step: string;
  a: TraceEvent | undefined;
  b: TraceEvent | undefined;
  outcomeDiffers: boolean;
  checks: CheckRow[];
  details: DetailRow[];
  /** Anything on this row differs (a missing side, the outcome, a check, a fact). */
  differs: boolean;
}

export interface TraceComparison {
  statusDiffers: boolean;
  decidedByDiffers: boolean;
  rows: StepRow[];
  /**
   * How many things differ, each counted once as the view marks it: the status, the deciding
   * step, a step only one side reached, and, on a step both reached, its outcome and each check
   * and fact that differs.
   */
  differences: number;
}

function sameValue(a: DetailValue | undefined, b: DetailValue | undefined): boolean {
  return (a === undefined) === (b === undefined) && JSON.stringify(a) === JSON.stringify(b);
}

/** Keys in first-seen order across both lists. */
function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

function compareStep(a: TraceEvent | undefined, b: TraceEvent | undefined): StepRow {
  const checksA = a?.checks ?? [];
  const checksB = b?.checks ?? [];
  const checks = union(
    checksA.map((check) => check.name),
    checksB.map((check) => check.name),
  ).map((name): CheckRow => {
    const left = checksA.find((check) => check.name === name);
    const right = checksB.find((check) => check.name === name);
    // ok: null (not checked) differs from true and from false: it proved nothing either way.
    return { name, a: left, b: right, differs: !left || !right || left.ok !== right.ok };
  });
  const details = union(Object.keys(a?.detail ?? {}), Object.keys(b?.detail ?? {})).map(
    (key): DetailRow => {
      const left = a?.detail?.[key];
      const right = b?.detail?.[key];
      return { key, a: left, b: right, differs: !sameValue(left, right) };
    },
  );
  const outcomeDiffers = a?.outcome !== b?.outcome;
  return {
    step: (a ?? b)!.step,
    a,
    b,
    outcomeDiffers,
    checks,
    details,
    differs:
      outcomeDiffers ||
      checks.some((check) => check.differs) ||
      details.some((detail) => detail.differs),
  };
}

/**
 * Lines two traces up step by step: the longest common sequence of step names is matched, and a
 * step only one request reached gets a row of its own, in the order it ran.
 */
export function alignSteps(
  a: readonly TraceEvent[],
  b: readonly TraceEvent[],
): Array<[TraceEvent | undefined, TraceEvent | undefined]> {
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      lcs[i]![j] =
        a[i]!.step === b[j]!.step
          ? lcs[i + 1]![j + 1]! + 1
          : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const pairs: Array<[TraceEvent | undefined, TraceEvent | undefined]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i]!.step === b[j]!.step) {
      pairs.push([a[i], b[j]]);
      i += 1;
      j += 1;
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      pairs.push([a[i], undefined]);
      i += 1;
    } else {
      pairs.push([undefined, b[j]]);
      j += 1;
    }
  }
  return pairs;
}

function rowDifferences(row: StepRow): number {
  if (!row.a || !row.b) return 1;
  return (
    Number(row.outcomeDiffers) +
    row.checks.filter((check) => check.differs).length +
    row.details.filter((detail) => detail.differs).length
  );
}

/** Two traces side by side: their steps aligned, and what differs marked. */
export function compareTraces(a: Trace, b: Trace): TraceComparison {
  const rows = alignSteps(a.events, b.events).map(([left, right]) => compareStep(left, right));
  const statusDiffers = a.status !== b.status;
  const decidedByDiffers = a.decidedBy?.step !== b.decidedBy?.step;
  return {
    statusDiffers,
    decidedByDiffers,
    rows,
    differences:
      Number(statusDiffers) +
      Number(decidedByDiffers) +
      rows.reduce((sum, row) => sum + rowDifferences(row), 0),
  };
}
