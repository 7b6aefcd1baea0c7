/**
 * The checks against the AWS account: what a Lambda or ECS AppSpec names must exist there, and a
 * Lambda AppSpec's versions must fit its alias, or CodeDeploy fails the deployment. Pure over the
 * engine's AccountTargets and an AccountReader (no vscode, no SDK): findings with ranges, severities
 * and quick-fix edits. A missing IAM permission never becomes an error: the checks it blocks are
 * skipped, and one information finding names the missing actions.
 */
import type { AccountReader, LambdaAliasSummary } from '../aws/accountApi';
import type { AccountTargets, LocatedValue } from '../../../engine/index';
import {
  CheckRun,
  choiceFixes,
  replaceWith,
  show,
  type AccountCheckOptions,
  type AccountFinding,
  type AccountFix,
} from './checkRun';
import { ecsChecks } from './ecsChecks';

export type { AccountCheckOptions, AccountFinding, AccountFix } from './checkRun';
export { PERMISSION_CODE } from './checkRun';
export type { EcsGroupTarget } from './ecsChecks';

async function functionExists(run: CheckRun, v: LocatedValue, what: string): Promise<boolean | undefined> {
  const got = await run.read(v.range, () => run.reader.getFunction(v.value));
  if (!got.ok) return undefined;
  if (got.value) return true;
  const names = (await run.quiet(() => run.reader.listFunctions()))?.map((f) => f.name) ?? [];
  run.add({
    code: what === 'hook' ? 'hook-function-not-found' : 'lambda-function-not-found',
    severity: 'error',
    range: v.range,
    message:
      what === 'hook'
        ? `Hook function ${show(v.value)} does not exist in ${run.opts.where}: CodeDeploy could not invoke it and the hook would fail.`
        : `Lambda function ${show(v.value)} does not exist in ${run.opts.where}.`,
    fixes: choiceFixes(run, v, names, (c) => `Change to ${c}`),
  });
  return false;
}

const pct = (w: number) => `${Math.round(w * 1000) / 10}%`;

/** Published versions other than the alias's, newest first, as TargetVersion fixes. */
async function targetFixes(run: CheckRun, fn: string, target: LocatedValue, current: string): Promise<AccountFix[]> {
  const versions = (await run.quiet(() => run.reader.listPublishedVersions(fn))) ?? [];
  return versions
    .filter((v) => v !== current)
    .slice(0, 3)
    .map((v, i) => ({
      title: `Set TargetVersion to "${v}"${i === 0 ? ' (the newest published version)' : ''}`,
      ...replaceWith(target, v, true),
      preferred: i === 0,
    }));
}

async function checkAliasVersions(
  run: CheckRun,
  fn: string,
  spec: { alias: LocatedValue; currentVersion?: LocatedValue; targetVersion?: LocatedValue },
  alias: LambdaAliasSummary,
): Promise<void> {
  const now = alias.functionVersion;
  const cur = spec.currentVersion;
  if (cur && cur.value !== now) {
    run.add({
      code: 'lambda-current-version-stale',
      severity: 'error',
      range: cur.range,
      message: `CurrentVersion is ${cur.value}, but alias ${show(alias.name)} of ${show(fn)} points to version ${now} in ${run.opts.where}: CodeDeploy would fail the deployment ("The Lambda function alias version does not match the current version in AppSpec file").`,
      fixes: [
        {
          title: `Set CurrentVersion to "${now}" (where the alias points now)`,
          ...replaceWith(cur, now, true),
          preferred: true,
        },
      ],
    });
  }
  const shifting = Object.entries(alias.weights).filter(([, w]) => w > 0);
  if (shifting.length) {
    run.add({
      code: 'lambda-alias-shifting',
      severity: 'warning',
      range: spec.alias.range,
      message: `Alias ${show(alias.name)} splits traffic right now (${shifting.map(([v, w]) => `version ${v} gets ${pct(w)}`).join(', ')}): a deployment is shifting it, or one was stopped without a rollback. CodeDeploy cannot start another deployment until the alias points to one version.`,
    });
  }
  const target = spec.targetVersion;
  if (!target || !/^\d+$/.test(target.value)) return; // the format is the file checks' business
  if (target.value === now) {
    run.add({
      code: 'lambda-target-version-current',
      severity: 'error',
      range: target.range,
      message: `TargetVersion ${target.value} is the version alias ${show(alias.name)} already points to: there is no traffic to shift. Publish a new version and deploy that.`,
      fixes: await targetFixes(run, fn, target, now),
    });
    return;
  }
  const exists = await run.read(target.range, () => run.reader.versionExists(fn, target.value));
  if (exists.ok && exists.value === false) {
    run.add({
      code: 'lambda-target-version-unpublished',
      severity: 'error',
      range: target.range,
      message: `Version ${target.value} of ${show(fn)} is not published in ${run.opts.where}: TargetVersion must be a published version.`,
      fixes: await targetFixes(run, fn, target, now),
    });
  }
}

async function lambdaChecks(run: CheckRun, targets: AccountTargets): Promise<void> {
  for (const spec of targets.lambda) {
    if (!spec.name) continue;
    const fn = spec.name.value;
    if ((await functionExists(run, spec.name, 'function')) !== true || !spec.alias) continue;
    const aliasSpec = spec.alias;
    const got = await run.read(aliasSpec.range, () => run.reader.getAlias(fn, aliasSpec.value));
    if (!got.ok) continue;
    if (!got.value) {
      const names = (await run.quiet(() => run.reader.listAliases(fn)))?.map((a) => a.name) ?? [];
      run.add({
        code: 'lambda-alias-not-found',
        severity: 'error',
        range: aliasSpec.range,
        message: `Function ${show(fn)} has no alias ${show(aliasSpec.value)} in ${run.opts.where}${names.length ? ` (its aliases: ${names.slice(0, 5).join(', ')})` : ''}.`,
        fixes: choiceFixes(run, aliasSpec, names, (c) => `Change to ${c}`),
      });
      continue;
    }
    await checkAliasVersions(run, fn, { ...spec, alias: aliasSpec }, got.value);
  }
}

export interface AccountCheckResult {
  findings: AccountFinding[];
}

/** Runs every check that applies to the AppSpec. Throws AwsUserError when the account cannot be read at all. */
export async function runAccountChecks(
  targets: AccountTargets,
  reader: AccountReader,
  opts: AccountCheckOptions,
): Promise<AccountCheckResult> {
  const run = new CheckRun(reader, opts);
  if (targets.platform === 'lambda') await lambdaChecks(run, targets);
  if (targets.platform === 'ecs') await ecsChecks(run, targets);
  // The reader's cache answers a function named twice once.
  for (const h of targets.hooks) await functionExists(run, h.function, 'hook');
  const permission = run.permissionFinding();
  const findings = [...run.findings, ...(permission ? [permission] : [])];
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { findings };
}
