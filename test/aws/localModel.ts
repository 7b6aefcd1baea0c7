/**
 * The published CodeDeploy service model, read at test time (Debian's python3-botocore copy),
 * for tests of the local endpoint that must not hand-copy operation names, enums or error lists.
 */
import { loadBotocoreModel, type ServiceModel } from '../model/serviceModel';

export type { ServiceModel };

/** botocore's model exactly as published, from the one loader of the model validator (test/model). */
export function serviceModel(): ServiceModel {
  return loadBotocoreModel();
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
