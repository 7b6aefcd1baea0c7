/**
 * The ECS task definition file beside an AppSpec (`taskdef.json`, as CodePipeline's ECS blue/green action deploys
 * them together, or the file named by the `taskDefinitionFile` setting), read into what the checks compare: the
 * containers with their port mappings, and the network mode. Placeholders (`<IMAGE1_NAME>`, `${PORT}`, …) are kept
 * as such, so a check can stay quiet about them.
 */
import { isMap, isSeq, type Node, type Pair } from 'yaml';
import { hasPlaceholder, PLACEHOLDER } from '../../ast';
import { memoForRun } from '../../derived';
import { accountTargets, type EcsTargetSpec } from '../../accountTargets';
import type { AppSpecDocument, RuleContext } from '../../types';
import { baseName, itemsOf, joinPath, pairOf, scalarText, sideFile, valueAt, type SideFile } from './sideFile';

export const DEFAULT_TASK_DEFINITION_FILE = 'taskdef.json';

export interface PortMapping {
  /** The containerPort (or the range `from-to` of containerPortRange) as numbers; undefined when unknown. */
  from?: number;
  to?: number;
  /** True when the port is written as a placeholder or cannot be read. */
  unknown: boolean;
  node: Node;
}

export interface Container {
  /** The name, undefined when it is missing or a placeholder. */
  name?: string;
  placeholderName: boolean;
  node: Node;
  namePair?: Pair;
  /** Undefined when the container has no `portMappings` key. */
  portMappingsPair?: Pair;
  ports: PortMapping[];
  /** True when the mappings cannot all be read (a placeholder instead of the list, an entry that is not a mapping). */
  portsUnknown: boolean;
}

export interface TaskDefinitionFile {
  file: SideFile;
  /** The name to show in messages (`taskdef.json`). */
  name: string;
  containers: Container[];
  containerDefinitionsPair: Pair;
  /** True when some container cannot be read (not a mapping, a placeholder list). */
  containersUnknown: boolean;
  networkMode?: { value?: string; placeholder: boolean; pair: Pair };
  family?: string;
}

/** Where the task definition file of this AppSpec is, or undefined without a workspace. */
export function taskDefinitionPath(ctx: RuleContext): { abs: string; named: boolean } | undefined {
  if (!ctx.fs || !ctx.bundleRoot) return undefined;
  const setting = ctx.taskDefinitionFile?.trim();
  return setting
    ? { abs: joinPath(ctx.bundleRoot, setting), named: true }
    : { abs: joinPath(ctx.bundleRoot, DEFAULT_TASK_DEFINITION_FILE), named: false };
}

function portNumber(node: unknown): number | undefined {
  const text = scalarText(node)?.trim();
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

function readPort(entry: unknown): PortMapping | undefined {
  if (!isMap(entry)) return undefined;
  const node = entry as unknown as Node;
  const port = valueAt(entry, 'containerPort');
  if (port !== undefined && port !== null) {
    const n = portNumber(port);
    return n === undefined ? { unknown: true, node } : { from: n, to: n, unknown: false, node };
  }
  const range = scalarText(valueAt(entry, 'containerPortRange'));
  if (range !== undefined) {
    const m = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(range);
    return m ? { from: Number(m[1]), to: Number(m[2]), unknown: false, node } : { unknown: true, node };
  }
  // Neither: a mapping with only hostPort (or a placeholder key) says nothing certain.
  return { unknown: true, node };
}

function readContainer(item: unknown): Container | undefined {
  if (!isMap(item)) return undefined;
  const namePair = pairOf(item, 'name');
  const nameNode = namePair?.value;
  const raw = scalarText(nameNode);
  const placeholderName = raw === undefined || hasPlaceholder(nameNode) || PLACEHOLDER.test(raw);
  const portMappingsPair = pairOf(item, 'portMappings');
  const list = portMappingsPair?.value;
  const ports: PortMapping[] = [];
  let portsUnknown = false;
  if (portMappingsPair && list !== null && list !== undefined) {
    const items = itemsOf(list);
    if (!isSeq(list)) portsUnknown = true;
    for (const entry of items) {
      const p = readPort(entry);
      if (p) ports.push(p);
      else portsUnknown = true;
    }
  }
  return {
    ...(placeholderName ? {} : { name: raw }),
    placeholderName,
    node: item as unknown as Node,
    namePair,
    portMappingsPair,
    ports,
    portsUnknown,
  };
}

function readTaskDefinition(file: SideFile, name: string): TaskDefinitionFile | undefined {
  // A DescribeTaskDefinition answer wraps the definition in `taskDefinition`.
  const body = isMap(valueAt(file.root, 'taskDefinition')) ? valueAt(file.root, 'taskDefinition') : file.root;
  const containerDefinitionsPair = pairOf(body, 'containerDefinitions');
  if (!containerDefinitionsPair) return undefined;
  const list = containerDefinitionsPair.value;
  const containers: Container[] = [];
  let containersUnknown = itemsOf(list).length === 0;
  for (const item of itemsOf(list)) {
    const c = readContainer(item);
    if (c) containers.push(c);
    else containersUnknown = true;
  }
  const modePair = pairOf(body, 'networkMode');
  const mode = modePair ? scalarText(modePair.value) : undefined;
  const family = scalarText(valueAt(body, 'family'));
  return {
    file,
    name,
    containers,
    containerDefinitionsPair,
    containersUnknown,
    ...(modePair
      ? {
          networkMode: {
            ...(mode !== undefined ? { value: mode } : {}),
            placeholder: mode === undefined || PLACEHOLDER.test(mode),
            pair: modePair,
          },
        }
      : {}),
    ...(family !== undefined && !PLACEHOLDER.test(family) ? { family } : {}),
  };
}

/** The task definition file of this AppSpec, read once per lint run; undefined when there is none or it is unusable. */
export function taskDefinitionFile(doc: AppSpecDocument, ctx: RuleContext): TaskDefinitionFile | undefined {
  const where = taskDefinitionPath(ctx);
  if (!where) return undefined;
  return memoForRun(doc, ctx, 'files.taskDefinition', () => {
    const file = sideFile(doc, ctx, where.abs);
    return file ? readTaskDefinition(file, baseName(where.abs)) : undefined;
  });
}

/** The family a task definition reference names (`arn:…:task-definition/web:3`, `web:3`, `web`), if any. */
function familyOf(ref: string): string | undefined {
  const m = /^(?:arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\/)?([A-Za-z0-9_-]+)(?::\d+)?$/.exec(ref.trim());
  return m ? m[1] : undefined;
}

/** False when `ref` (the AppSpec's `TaskDefinition`) names another family than the file's: the file is not the one deployed. */
export function describes(td: TaskDefinitionFile, ref: string | undefined): boolean {
  if (!ref || !td.family || PLACEHOLDER.test(ref)) return true;
  const family = familyOf(ref);
  return family === undefined || family === td.family;
}

/** The ECS resources of the AppSpec that the task definition file describes (see `describes`). */
export function checkedResources(doc: AppSpecDocument, td: TaskDefinitionFile): EcsTargetSpec[] {
  return accountTargets(doc).ecs.filter((r) => describes(td, r.taskDefinition?.value));
}

/** The containers the file names, for messages: `` `web`, `sidecar` ``. */
export function containerList(td: TaskDefinitionFile): string {
  const names = td.containers.filter((c) => c.name !== undefined).map((c) => `\`${c.name}\``);
  return names.length ? names.join(', ') : 'no named container';
}

/** What completion offers from the task definition file: each named container with the ports it maps. */
export interface TaskDefinitionOffer {
  /** The file's name for the item details (`taskdef.json`). */
  file: string;
  containers: { name: string; ports: number[] }[];
}

/** The containers and ports of the AppSpec's task definition file (for completion); undefined when there is none. */
export function taskDefinitionOffer(doc: AppSpecDocument, ctx: RuleContext): TaskDefinitionOffer | undefined {
  const td = taskDefinitionFile(doc, ctx);
  if (!td) return undefined;
  return {
    file: td.name,
    containers: td.containers
      .filter((c): c is Container & { name: string } => c.name !== undefined)
      .map((c) => ({
        name: c.name,
        ports: [...new Set(c.ports.filter((p) => !p.unknown && p.from === p.to).map((p) => p.from!))],
      })),
  };
}
