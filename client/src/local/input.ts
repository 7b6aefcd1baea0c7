/**
 * Small readers for request members: each returns the value when it has the model's type and
 * allowed values, and otherwise throws the exception the operation names for that member.
 */
import { fail } from './errors';
import type { Json } from './types';

export const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

const absent = (v: unknown): v is undefined | null => v === undefined || v === null;

export function optObj(v: unknown, err: string, msg: string): Json | undefined {
  if (absent(v)) return undefined;
  if (!isObj(v)) fail(err, msg);
  return v;
}

export function optList(v: unknown, err: string, msg: string): unknown[] | undefined {
  if (absent(v)) return undefined;
  if (!Array.isArray(v)) fail(err, msg);
  return v;
}

export function optObjList(v: unknown, err: string, msg: string): Json[] | undefined {
  const list = optList(v, err, msg);
  if (list && !list.every(isObj)) fail(err, msg);
  return list as Json[] | undefined;
}

export function optStr(v: unknown, err: string, msg: string, max = Infinity): string | undefined {
  if (absent(v)) return undefined;
  if (typeof v !== 'string' || v.length > max) fail(err, msg);
  return v;
}

export function optStrList(v: unknown, err: string, msg: string): string[] | undefined {
  const list = optList(v, err, msg);
  if (list && !list.every((x) => typeof x === 'string')) fail(err, msg);
  return list as string[] | undefined;
}

export function optBool(v: unknown, err: string, msg: string): boolean | undefined {
  if (absent(v)) return undefined;
  if (typeof v !== 'boolean') fail(err, msg);
  return v;
}

export function optInt(v: unknown, min: number, max: number, err: string, msg: string): number | undefined {
  if (absent(v)) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(err, msg);
  return v;
}

export function optEnum<T extends string>(v: unknown, values: readonly T[], err: string, msg: string): T | undefined {
  if (absent(v)) return undefined;
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) fail(err, msg);
  return v as T;
}

/** The members of `i` that are listed (and present), in that order: unknown members are never stored. */
export function pick(i: Json, members: readonly string[]): Json {
  const out: Json = {};
  for (const k of members) if (!absent(i[k])) out[k] = i[k];
  return out;
}

/** Epoch seconds from a JSON 1.1 timestamp (a number), or undefined when absent. */
export function optTime(v: unknown, err: string, msg: string): number | undefined {
  if (absent(v)) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(err, msg);
  return v;
}
