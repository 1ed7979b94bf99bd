// What every URL parameter shares: one error type that names the parameter, and one range check for the
// parameters that are whole numbers. The filters, the view's and the wall's parameters all use these.

export class ParamError extends Error {
  override readonly name = "ParamError";
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

/** One problem with the address: which parameter, and what was wrong with it. */
export interface ParamProblem {
  readonly param: string;
  readonly message: string;
}

/**
 * `text` as a whole number from `min` to `max`, else a ParamError saying so in `unit`s ("seconds",
 * "hours"; a plain "whole number" without one).
 */
export function wholeNumberParam(
  param: string,
  text: string,
  min: number,
  max: number,
  unit?: string,
): number {
  const value = text.trim();
  const number = Number(value);
  if (!/^\d{1,16}$/.test(value) || number < min || number > max) {
    const what = unit ? `whole ${unit} from ${min} to ${max}` : `a whole number from ${min} to ${max}`;
    throw new ParamError(param, `${param} must be ${what} (got "${text}")`);
  }
  return number;
}

/** One URL parameter: how its text becomes a value (throwing ParamError when it cannot) and back. */
export interface ParamDefinition<T> {
  parse(text: string): T;
  serialize(value: T): string;
}

/** A table of parameter definitions for the values of T, one per key. */
export type ParamTable<T> = { readonly [K in keyof T]: ParamDefinition<T[K]> };

/**
 * The one parse loop: each parameter of the table that the URL has, through its definition; a bad value
 * becomes a problem and leaves the default in place.
 */
export function parseParams<T extends object>(
  table: ParamTable<T>,
  defaults: T,
  params: URLSearchParams,
): { values: T; problems: ParamProblem[] } {
  const values = { ...defaults } as Record<string, unknown>;
  const problems: ParamProblem[] = [];
  for (const name of Object.keys(table) as (keyof T & string)[]) {
    const text = params.get(name);
    if (text === null) continue;
    try {
      values[name] = (table[name] as ParamDefinition<unknown>).parse(text);
    } catch (error) {
      if (!(error instanceof ParamError)) throw error;
      problems.push({ param: name, message: error.message });
    }
  }
  return { values: values as T, problems };
}

/** The one serializer: the query string of the values, leaving out those equal to their defaults. */
export function serializeParams<T extends object>(
  table: ParamTable<T>,
  defaults: T,
  values: T,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of Object.keys(table) as (keyof T & string)[]) {
    const definition = table[name] as ParamDefinition<unknown>;
    const value = definition.serialize(values[name]);
    if (value !== definition.serialize(defaults[name])) params.set(name, value);
  }
  return params;
}

/**
 * A page's `searchParams` as URLSearchParams, every repeated value kept in order: one reading of the URL
 * for every page, so that `/` and `/wall` agree on what a repeated parameter means (the first one counts).
 */
export function searchParamsOf(
  record: Readonly<Record<string, string | string[] | undefined>>,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(record))
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
      params.append(name, item);
  return params;
}
