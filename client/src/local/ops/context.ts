/** What every operation module receives: the account (state and lookups) and the deployment engine. */
import type { Account } from '../account';
import type { DeploymentEngine } from '../deployments';
import type { Json } from '../types';

export interface OpsContext {
  account: Account;
  engine: DeploymentEngine;
}

export type Handler = (input: Json) => Json;
export type Operations = Record<string, Handler>;

/** `{ key: items, nextToken? }` as the list operations answer. */
export function listAnswer<T>(key: string, p: { items: T[]; nextToken?: string }): Json {
  return { [key]: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
}
