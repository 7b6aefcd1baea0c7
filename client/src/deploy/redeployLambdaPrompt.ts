/**
 * Before a Lambda redeploy: asks where the alias points now (through the AWS layer's account reads) and,
 * when the content's CurrentVersion is not there, offers to adjust the versions instead of sending a
 * deployment that CodeDeploy fails (INVALID_LAMBDA_CONFIGURATION).
 */
import * as vscode from 'vscode';
import type { CodeDeployApi, CreateDeploymentInput } from '../aws/api';
import { checkLambdaRedeploy, lambdaResource, withVersions } from './redeployLambda';

type Choice = vscode.QuickPickItem & { versions?: [current: string, target: string]; pick?: boolean };

/** The input to send (versions adjusted when the user chose so), or undefined when the user cancelled. */
export async function adjustLambdaRedeploy(
  api: CodeDeployApi,
  input: CreateDeploymentInput,
  log?: vscode.LogOutputChannel,
): Promise<CreateDeploymentInput | undefined> {
  const rev = input.revision;
  const content = rev?.revisionType === 'AppSpecContent' ? rev.appSpecContent?.content : undefined;
  const r = content !== undefined ? lambdaResource(content) : undefined;
  if (!r || content === undefined) return input;
  let aliasNow: string | undefined;
  try {
    const access = api.account();
    access.invalidate(); // the alias moves with every deployment: read it fresh
    aliasNow = (await access.getAlias(r.functionName, r.alias))?.functionVersion;
  } catch (err) {
    log?.info(`redeploy: could not read the alias ${r.functionName}:${r.alias} (${(err as Error).message})`);
  }
  const check = checkLambdaRedeploy(r, aliasNow);
  if (check.kind === 'ok' || check.kind === 'unknown') return input;
  const where = `${r.functionName}:${r.alias} points at version ${check.aliasNow}`;
  const choices: Choice[] =
    check.kind === 'aliasAtTarget'
      ? [
          {
            label: `Swap: move ${r.alias} from ${r.target} back to ${r.current}`,
            detail: `CurrentVersion ${r.target}, TargetVersion ${r.current}`,
            versions: [r.target, r.current],
          },
        ]
      : [
          {
            label: `Deploy version ${r.target} from version ${check.aliasNow}`,
            detail: `CurrentVersion ${check.aliasNow} (where the alias points), TargetVersion ${r.target}`,
            versions: [check.aliasNow, r.target],
          },
        ];
  choices.push({ label: 'Pick the target version…', detail: `CurrentVersion ${check.aliasNow}`, pick: true });
  const chosen = await vscode.window.showQuickPick(choices, {
    title:
      check.kind === 'aliasAtTarget'
        ? `Redeploy: ${where}, the TargetVersion of this deployment; the same versions would fail`
        : `Redeploy: ${where}, not at this deployment's CurrentVersion ${r.current}`,
    ignoreFocusOut: true,
  });
  if (!chosen) return undefined;
  let versions = chosen.versions;
  if (chosen.pick) {
    const published = await api
      .account()
      .listPublishedVersions(r.functionName)
      .catch(() => undefined);
    const target = await vscode.window.showQuickPick(
      (published ?? []).filter((v) => v !== check.aliasNow),
      {
        title: `Redeploy: TargetVersion of ${r.functionName} (the alias is at ${check.aliasNow})`,
        ignoreFocusOut: true,
      },
    );
    if (!target) return undefined;
    versions = [check.aliasNow, target];
  }
  if (!versions) return undefined;
  log?.info(`redeploy: ${where}; sending CurrentVersion ${versions[0]}, TargetVersion ${versions[1]}`);
  return {
    ...input,
    revision: {
      revisionType: 'AppSpecContent',
      appSpecContent: { content: withVersions(content, versions[0], versions[1]) },
    },
  };
}
