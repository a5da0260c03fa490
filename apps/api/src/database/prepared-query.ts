import { isDeepStrictEqual } from 'node:util';
import type { Compilable, Kysely } from 'kysely';

/** Runs a query compiled once with new values; resolves to its rows (camelCased by the plugins). */
export type PreparedQuery<Params extends unknown[], Row> = (
  ...parameters: Params
) => Promise<Row[]>;

/**
 * A query whose SQL is the same on every call, built and compiled once: each call only binds new
 * values. Otherwise Kysely builds the query tree, runs it through the plugins (CamelCasePlugin
 * renames every identifier) and compiles it to SQL again on every execution, which on the API's
 * busiest reads cost more than the database did (bench/).
 *
 * `build` is called once, with `placeholders`; each of its parameters must appear exactly once in
 * the SQL, in the order given, which is checked here by comparing the compiled parameters with
 * the placeholders. Queries whose shape depends on the values (optional filters, lists of ids)
 * are not for this: build those per call.
 */
export function preparedQuery<Schema, Params extends unknown[], Row>(
  db: Kysely<Schema>,
  build: (...parameters: Params) => Compilable<Row>,
  placeholders: Params,
): PreparedQuery<Params, Row> {
  const compiled = build(...placeholders).compile();
  if (!isDeepStrictEqual([...compiled.parameters], placeholders)) {
    throw new Error(
      `preparedQuery: the SQL binds ${JSON.stringify(compiled.parameters)}, not the placeholders ${JSON.stringify(placeholders)}: ${compiled.sql}`,
    );
  }
  return async (...parameters) => (await db.executeQuery<Row>({ ...compiled, parameters })).rows;
}
