/**
 * The published CodeDeploy service model, read at test time (Debian's python3-botocore copy),
 * for tests of the local endpoint that must not hand-copy operation names, enums or error lists.
 */
import * as fs from 'node:fs';

export const BOTOCORE_MODEL = '/usr/lib/python3/dist-packages/botocore/data/codedeploy/2014-10-06/service-2.json';

interface ModelShape {
  type: string;
  enum?: string[];
  members?: Record<string, { shape: string }>;
}

export interface ServiceModel {
  operations: Record<string, { errors?: { shape: string }[]; deprecated?: boolean }>;
  shapes: Record<string, ModelShape>;
}

let cached: ServiceModel | undefined;

export function serviceModel(): ServiceModel {
  cached ??= JSON.parse(fs.readFileSync(BOTOCORE_MODEL, 'utf8')) as ServiceModel;
  return cached;
}

/** The exception names an operation may answer, from the model. */
export function errorsOf(operation: string): string[] {
  return (serviceModel().operations[operation]?.errors ?? []).map((e) => e.shape);
}

/** Asserts a rejected SDK call carries exactly this exception, and that the model lists it for the operation. */
export async function rejectsWith(p: Promise<unknown>, operation: string, name: string): Promise<string> {
  try {
    await p;
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e.name !== name) throw new Error(`${operation}: expected ${name}, got ${e.name}: ${e.message}`);
    if (!errorsOf(operation).includes(name))
      throw new Error(`${operation}: ${name} is not in the model's error list for the operation`);
    return e.message ?? '';
  }
  throw new Error(`${operation}: expected ${name}, but the call succeeded`);
}
