/** Typed reads of untrusted JSON: each names the field it refused. */
import { ImportError } from './errors.ts';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function listAt(obj: Json, key: string, where: string, required = true): unknown[] {
  const value = obj[key];
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) throw new ImportError(`${where}.${key}`, 'must be a list');
  return value;
}

export function objectAt(value: unknown, where: string): Json {
  if (!isObject(value)) throw new ImportError(where, 'must be an object');
  return value;
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function optionalNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d{1,20}(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}
