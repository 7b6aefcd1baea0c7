/**
 * Redeploying a Lambda deployment whose revision is AppSpec content: the content names CurrentVersion and
 * TargetVersion, and CodeDeploy fails the deployment when the alias does not point at CurrentVersion (after
 * a successful deployment it points at TargetVersion, so sending the same content again always fails).
 * These pure functions read the versions, compare them with where the alias points, and write adjusted
 * versions back into the content. No vscode here.
 */
import { parse, parseDocument } from 'yaml';

export interface LambdaRedeployResource {
  functionName: string;
  alias: string;
  current: string;
  target: string;
}

export type LambdaRedeployCheck =
  /** The alias points at CurrentVersion: the content can go as it is. */
  | { kind: 'ok' }
  /** The alias already points at TargetVersion: the same content would change nothing and fails. */
  | { kind: 'aliasAtTarget'; aliasNow: string }
  /** The alias points at a third version: CurrentVersion is stale. */
  | { kind: 'aliasElsewhere'; aliasNow: string }
  /** Where the alias points is not known (no permission, no alias): nothing to say. */
  | { kind: 'unknown' };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

/** The one Lambda resource of an AppSpec's text, or undefined when it is not a readable Lambda AppSpec. */
export function lambdaResource(text: string): LambdaRedeployResource | undefined {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100, prettyErrors: false });
  } catch {
    return undefined;
  }
  const resources = isObj(data) ? (data.Resources ?? data.resources) : undefined;
  if (!Array.isArray(resources) || resources.length !== 1 || !isObj(resources[0])) return undefined;
  const [entry] = Object.values(resources[0]);
  const props = isObj(entry) ? (entry.Properties ?? entry.properties) : undefined;
  if (!isObj(props)) return undefined;
  const functionName = str(props.Name);
  const alias = str(props.Alias);
  const current = str(props.CurrentVersion);
  const target = str(props.TargetVersion);
  if (!functionName || !alias || current === undefined || target === undefined) return undefined;
  return { functionName, alias, current, target };
}

export function checkLambdaRedeploy(r: LambdaRedeployResource, aliasNow: string | undefined): LambdaRedeployCheck {
  if (aliasNow === undefined) return { kind: 'unknown' };
  if (aliasNow === r.current) return { kind: 'ok' };
  if (aliasNow === r.target) return { kind: 'aliasAtTarget', aliasNow };
  return { kind: 'aliasElsewhere', aliasNow };
}

/** The content with CurrentVersion and TargetVersion replaced (JSON stays JSON, YAML keeps its layout). */
export function withVersions(text: string, current: string, target: string): string {
  if (text.trimStart().startsWith('{')) {
    const data = JSON.parse(text) as { Resources: Obj[] };
    const props = (Object.values(data.Resources[0])[0] as Obj).Properties as Obj;
    props.CurrentVersion = current;
    props.TargetVersion = target;
    return JSON.stringify(data, null, 2) + '\n';
  }
  const doc = parseDocument(text);
  const resource = doc.getIn(['Resources', 0]) as { items?: { key: unknown }[] } | undefined;
  const key = resource?.items?.[0]?.key;
  const name = isObj(key) && 'value' in key ? key.value : key;
  doc.setIn(['Resources', 0, name, 'Properties', 'CurrentVersion'], doc.createNode(current));
  doc.setIn(['Resources', 0, name, 'Properties', 'TargetVersion'], doc.createNode(target));
  // Versions are strings in an AppSpec: keep them quoted so "10" stays "10".
  for (const k of ['CurrentVersion', 'TargetVersion']) {
    const node = doc.getIn(['Resources', 0, name, 'Properties', k], true) as { type?: string } | undefined;
    if (node) node.type = 'QUOTE_DOUBLE';
  }
  return String(doc);
}
