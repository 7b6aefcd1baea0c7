/**
 * One look at the account for one AppSpec text: parse it with the engine, take what the account can
 * confirm (`accountTargets`), run the checks through a read session of the connection's cache, and
 * tell when the answers were fetched. Shared by the live diagnostics and the deploy pre-flight. No
 * vscode; the engine is loaded on first use (its own bundle).
 */
import type { AccountAccess } from '../aws/accountApi';
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
  opts: { where: string; ecsGroup?: EcsGroupTarget; now?: () => number },
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
  return { findings, targets, lookedAt: session.oldest() ?? (opts.now ?? Date.now)(), platform: targets.platform };
}
