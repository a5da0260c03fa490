/**
 * Mandatory access control (MAC): every article carries a sensitivity label and every user a
 * clearance, both from this one ordered list. Labels are set by the system's rule, not at the
 * owner's discretion: nobody reads an article labelled above their clearance, nobody labels an
 * article above their own clearance or shares it with someone cleared below its label, only an
 * admin lowers a label, and only an admin sets a clearance (Bell–LaPadula's "no read up").
 */
export const SENSITIVITY_LABELS = ['public', 'internal', 'confidential'] as const;
export type SensitivityLabel = (typeof SENSITIVITY_LABELS)[number];

/** New articles and new accounts start at the bottom. */
export const DEFAULT_LABEL: SensitivityLabel = 'public';
export const DEFAULT_CLEARANCE: SensitivityLabel = 'public';

export function isSensitivityLabel(value: unknown): value is SensitivityLabel {
  return typeof value === 'string' && (SENSITIVITY_LABELS as readonly string[]).includes(value);
}

/** True when `label` is above `clearance`: whoever holds that clearance may not read it. */
export function labelAbove(label: SensitivityLabel, clearance: SensitivityLabel): boolean {
  return SENSITIVITY_LABELS.indexOf(label) > SENSITIVITY_LABELS.indexOf(clearance);
}

/** The labels a clearance may not read, lowest first. */
export function labelsAbove(clearance: SensitivityLabel): SensitivityLabel[] {
  return SENSITIVITY_LABELS.filter((label) => labelAbove(label, clearance));
}

/** How the trace and the error name a MAC refusal: "MAC: label confidential above clearance internal". */
export function macRefusal(label: SensitivityLabel, clearance: SensitivityLabel): string {
  return `MAC: label ${label} above clearance ${clearance}`;
}
