const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** "403 Forbidden": the status with its reason phrase (HTTP/2 sends none, so the page adds it). */
export function statusLine(status: number, statusText = ''): string {
  return `${status} ${statusText || REASONS[status] || ''}`.trim();
}

export type StatusTone = 'ok' | 'refused' | 'failed' | 'other';

export function statusTone(status: number): StatusTone {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 401 || status === 403) return 'refused';
  if (status >= 500) return 'failed';
  return 'other';
}
