/**
 * The permission switch of the simulated Lambda/ECS/ELB APIs: actions the caller is not allowed,
 * so a missing IAM permission can be tried without an AWS account. An action is refused when the
 * endpoint was started with it in `deniedActions`, or when the resource (a Lambda function) carries
 * the tag `codedeploy-local:deny` naming it (comma-separated). The refusal reads like AWS's.
 */
import { ACCOUNT_ID } from '../account';

export const DENY_TAG = 'codedeploy-local:deny';
/** The principal named in refusals (the simulation has no IAM users). */
export const LOCAL_PRINCIPAL = `arn:aws:sts::${ACCOUNT_ID}:assumed-role/local-developer/codedeploy-local`;

export interface AccessPolicy {
  /** Actions refused everywhere, e.g. `lambda:GetAlias`, `ecs:DescribeServices`. */
  deniedActions: ReadonlySet<string>;
}

export function accessPolicy(denied: readonly string[] = []): AccessPolicy {
  return { deniedActions: new Set(denied.map((a) => a.trim()).filter(Boolean)) };
}

/** AWS's refusal text when `action` on `resource` is not allowed, or undefined when it is. */
export function denial(
  policy: AccessPolicy,
  action: string,
  resource: string,
  tags?: Record<string, string>,
): string | undefined {
  const tagged = (tags?.[DENY_TAG] ?? '')
    .split(/[\s,]+/)
    .map((a) => a.trim())
    .filter(Boolean);
  if (!policy.deniedActions.has(action) && !tagged.includes(action)) return undefined;
  return `User: ${LOCAL_PRINCIPAL} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}
