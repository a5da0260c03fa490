import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { TokenProbe } from './send-with-token';

export interface LabExerciseSummary {
  id: string;
  title: string;
}

/** The attack-and-defend lab's exercises; the API answers 404 when the lab is off. */
export function getLabExercises(signal?: AbortSignal): Promise<LabExerciseSummary[]> {
  return apiRequest<LabExerciseSummary[]>('/api/lab', { signal, background: true });
}

export function useLabExercises() {
  return useQuery({
    queryKey: ['lab', 'exercises'],
    queryFn: ({ signal }) => getLabExercises(signal),
    staleTime: Infinity,
    retry: false,
  });
}

/** Each exercise's weak and secure verifier, so one forged token can be sent to both. */
export function labProbes(exercises: readonly LabExerciseSummary[] | undefined): TokenProbe[] {
  return (exercises ?? []).flatMap(({ id }) => [
    { method: 'GET' as const, path: `/api/lab/${id}/weak` },
    { method: 'GET' as const, path: `/api/lab/${id}/secure` },
  ]);
}
