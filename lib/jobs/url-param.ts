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
