/**
 * One look at the account for one AppSpec text: parse it with the engine, take what the account can
 * confirm (`accountTargets`), run the checks through a read session of the connection's cache, and
 * tell when the answers were fetched. Shared by the live diagnostics and the deploy pre-flight. No
 * vscode; the engine is loaded on first use (its own bundle).
 */
import type { AccountAccess, AccountReader } from '../aws/accountApi';
import type { ConnectionChoice } from '../connection/model';
import type { AccountTargets } from '../../../engine/index';
import type * as Engine from '../deploy/engine';
import { runAccountChecks, type AccountFinding, type EcsGroupTarget } from './checks';

export type EngineModule = Pick<
  typeof Engine,
  'parseAppSpec' | 'accountTargets' | 'accountCompletionContext' | 'didYouMean'
>;

/** The engine's lazy bundle (dist/client-engine.js, the one deploy uses). */
export async function loadEngine(): Promise<EngineModule> {
  return import('../deploy/engine');
}

export interface Look {
  findings: AccountFinding[];
  /** What was checked, with where it is in the text. */
  targets: AccountTargets;
  /** Epoch ms when the oldest answer used was fetched from the account. */
  lookedAt: number;
  platform: 'lambda' | 'ecs';
}

/** How the checked account is named in messages. */
export function accountName(choice: ConnectionChoice): string {
  if (choice.kind === 'local') return 'the local endpoint';
  return `the AWS account of ${choice.profile ? `profile ${choice.profile}` : 'the default credentials'} in ${choice.region}`;
}

/** Undefined when the AppSpec is not a Lambda or ECS one (nothing in it lives in the account). */
export async function lookAt(
  engine: EngineModule,
  access: AccountAccess,
  doc: { uri: string; text: string },
  opts: { where: string; ecsGroup?: EcsGroupTarget; now?: () => number; warmCompletion?: boolean },
): Promise<Look | undefined> {
  const parsed = engine.parseAppSpec(doc.uri, doc.text);
  const targets = engine.accountTargets(parsed);
  if (targets.platform !== 'lambda' && targets.platform !== 'ecs') return undefined;
  const session = access.session();
  const { findings } = await runAccountChecks(targets, session.reader, {
    where: opts.where,
    ecsGroup: targets.platform === 'ecs' ? opts.ecsGroup : undefined,
    didYouMean: engine.didYouMean,
  });
  if (opts.warmCompletion) await warmCompletion(session.reader, targets);
  return { findings, targets, lookedAt: session.oldest() ?? (opts.now ?? Date.now)(), platform: targets.platform };
}

/**
 * Reads what completion offers (function names, and each Lambda resource's aliases and versions),
 * so that completion can answer from the cache alone. Failures only mean fewer offers.
 */
async function warmCompletion(reader: AccountAccess | AccountReader, targets: AccountTargets): Promise<void> {
  const quiet = (p: Promise<unknown>) => p.catch(() => undefined);
  const names = [...new Set(targets.lambda.map((l) => l.name?.value).filter((n): n is string => !!n))];
  await Promise.all([
    quiet(reader.listFunctions()),
    ...names.flatMap((n) => [quiet(reader.listAliases(n)), quiet(reader.listPublishedVersions(n))]),
  ]);
}
