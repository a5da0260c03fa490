import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';
import type { OpenAPIV3 } from 'openapi-types';
import type { RecordedResponse } from './recorded-responses.js';

/** What checking a set of answers against the document found. */
export interface ContractReport {
  /** Answers to an operation of the document, each checked. */
  validated: number;
  /** Answers to paths the document has no operation for (unknown routes, Swagger UI, the playground). */
  outside: number;
  /** One precise line per broken promise: method, path, status, and what is undocumented. */
  failures: string[];
  /**
   * Operations that document no answer of their own yet (no @ApiAnswer): their answers are not
   * checked, and each is named here so the gap stays visible until it is documented.
   */
  pending: string[];
}

/** Nest gives an operation without @ApiResponse a 2xx with an empty description: not documented. */
export function documentsItsAnswers(operation: OpenAPIV3.OperationObject): boolean {
  return Object.entries(operation.responses ?? {}).some(
    ([status, answer]) =>
      status.startsWith('2') && Boolean((answer as OpenAPIV3.ResponseObject).description),
  );
}

const HOW_TO_DOCUMENT =
  'Document it beside the controller (see apps/api/src/openapi/README.md: @ApiAnswer for success bodies, ' +
  '@ApiErrors for a route’s own errors; the guards’ errors are added from the route metadata).';

function mediaType(value: unknown): string | undefined {
  return typeof value === 'string' ? value.split(';')[0]!.trim().toLowerCase() : undefined;
}

function parsedBody(response: RecordedResponse): unknown {
  if (response.body.length === 0) return null;
  const text = response.body.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describeErrors(
  errors: Array<{ instancePath?: string; message?: string; params?: unknown }>,
) {
  return errors
    .map(
      (error) =>
        `${error.instancePath || '(root)'} ${error.message ?? ''} ${JSON.stringify(error.params ?? {})}`,
    )
    .join('; ');
}

/**
 * Checks every recorded answer against the OpenAPI document with openapi-backend (ajv): the status
 * must be documented for its operation, the Content-Type must be one the document names for it,
 * the body must match that schema, documented headers must match theirs and required ones be sent.
 */
export async function checkAgainstContract(
  document: object,
  responses: readonly RecordedResponse[],
): Promise<ContractReport> {
  const api = new OpenAPIBackend({
    definition: structuredClone(document) as Document,
    // strict: an invalid document is an error, not a warning (openapi-schema-validator checks it).
    strict: true,
    ajvOpts: { allErrors: true, strict: false },
  });
  await api.init();

  const report: ContractReport = { validated: 0, outside: 0, failures: [], pending: [] };
  const pending = new Set<string>();
  for (const response of responses) {
    const [path = '/'] = response.url.split('?');
    const operation = api.matchOperation({
      method: response.method,
      path,
      headers: {},
      query: {},
    }) as (Operation & OpenAPIV3.OperationObject) | undefined;
    if (!operation) {
      report.outside += 1;
      continue;
    }
    if (!documentsItsAnswers(operation)) {
      pending.add(`${operation.method.toUpperCase()} ${operation.path}`);
      continue;
    }
    report.validated += 1;
    const where = `${response.method} ${path} → ${response.status} (operation ${operation.operationId}, ${operation.method.toUpperCase()} ${operation.path})`;
    const documented = Object.keys(operation.responses ?? {});
    const answer = (operation.responses?.[String(response.status)] ??
      operation.responses?.default) as OpenAPIV3.ResponseObject | undefined;
    if (!answer) {
      report.failures.push(
        `${where}: status ${response.status} is undocumented (the document lists ${documented.join(', ') || 'none'}). ${HOW_TO_DOCUMENT}`,
      );
      continue;
    }

    const type = mediaType(response.headers['content-type']);
    const content = answer.content ?? {};
    const documentedTypes = Object.keys(content);
    if (response.method !== 'HEAD' && response.body.length > 0) {
      if (!type || !documentedTypes.includes(type)) {
        report.failures.push(
          `${where}: a ${type ?? 'untyped'} body is undocumented (the document names ${documentedTypes.join(', ') || 'no body'}). ${HOW_TO_DOCUMENT}`,
        );
        continue;
      }
    } else if (documentedTypes.length > 0 && response.method !== 'HEAD') {
      report.failures.push(
        `${where}: the document promises a ${documentedTypes.join(' or ')} body, and none came.`,
      );
      continue;
    }

    if (type === 'application/json' || response.body.length === 0) {
      const body = api.validateResponse(parsedBody(response), operation, response.status);
      if (!body.valid) {
        report.failures.push(
          `${where}: the body does not match the documented schema: ${describeErrors(body.errors ?? [])}. Body: ${response.body.toString('utf8').slice(0, 300)}`,
        );
      }
    }

    // Node keeps repeated fields (Set-Cookie) as an array; on the wire each is a line of its own.
    const sent = Object.fromEntries(
      Object.entries(response.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(', ') : value,
      ]),
    );
    const headers = api.validateResponseHeaders(sent, operation, {
      statusCode: response.status,
    });
    if (!headers.valid) {
      report.failures.push(
        `${where}: a documented header does not match its schema: ${describeErrors(headers.errors ?? [])}.`,
      );
    }
    for (const [name, header] of Object.entries(answer.headers ?? {})) {
      if (
        (header as OpenAPIV3.HeaderObject).required &&
        response.headers[name.toLowerCase()] === undefined
      ) {
        report.failures.push(`${where}: the required header ${name} is missing.`);
      }
    }
  }
  report.failures = counted(report.failures);
  report.pending = [...pending];
  return report;
}

/** The same broken promise, met many times, is one line with its count. */
function counted(failures: string[]): string[] {
  const counts = new Map<string, number>();
  for (const failure of failures) counts.set(failure, (counts.get(failure) ?? 0) + 1);
  return [...counts].map(([failure, count]) => (count > 1 ? `${failure} (×${count})` : failure));
}
