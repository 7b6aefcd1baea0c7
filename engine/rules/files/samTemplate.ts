/**
 * The SAM or CloudFormation template beside a Lambda AppSpec (`template.yaml`, `template.yml`, `template.json`) and
 * what it makes certain about each function: its name, its aliases (SAM's `AutoPublishAlias`, `AWS::Lambda::Alias`
 * resources) with their fixed version, and SAM's `DeploymentPreference` hooks. CloudFormation's short tags (`!Ref`,
 * `!GetAtt`, `!Sub`, …) parse as tagged nodes; a value the template computes (a tag, a `Ref` to a parameter, a
 * placeholder) is unknown, and an unknown value is never compared.
 */
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { PLACEHOLDER } from '../../ast';
import { memoForRun } from '../../derived';
import type { AppSpecDocument, RuleContext } from '../../types';
import { baseName, joinPath, pairOf, scalarText, sideFile, valueAt, type SideFile } from './sideFile';

const NAMES = ['template.yaml', 'template.yml', 'template.json'];

/** A template value: its text when certain, with where it is. */
export interface TemplateValue {
  /** Undefined when the template computes it. */
  value?: string;
  pair: Pair;
}

export interface TemplateAlias {
  name: TemplateValue;
  /** `FunctionVersion` of an `AWS::Lambda::Alias` (SAM's published version is not known). */
  version?: TemplateValue;
}

export interface TemplateFunction {
  logicalId: string;
  name: TemplateValue;
  aliases: TemplateAlias[];
  /** Some alias of the template may belong to this function but cannot be told. */
  aliasesUnknown: boolean;
  /** SAM `DeploymentPreference.Hooks`: `PreTraffic`/`PostTraffic` → the hook function. */
  hooks: Map<'PreTraffic' | 'PostTraffic', TemplateValue>;
  hooksPair?: Pair;
}

export interface Template {
  file: SideFile;
  name: string;
  functions: TemplateFunction[];
}

/** The text of a plain (untagged, not templated) scalar. */
function literal(node: unknown): string | undefined {
  if (!isScalar(node) || (node.tag && node.tag !== 'tag:yaml.org,2002:str')) return undefined;
  const t = scalarText(node)?.trim();
  return t && !PLACEHOLDER.test(t) ? t : undefined;
}

/** The logical ID a value refers to: `!Ref X`, `{ "Ref": "X" }`, `!GetAtt X.Arn`, `{ "Fn::GetAtt": ["X", "Arn"] }`. */
function refOf(node: unknown): string | undefined {
  if (isScalar(node) && node.tag === '!Ref') return scalarText(node)?.trim();
  if (isScalar(node) && node.tag === '!GetAtt') return scalarText(node)?.split('.')[0].trim();
  if (isMap(node) && node.items.length === 1) {
    const ref = literal(valueAt(node, 'Ref'));
    if (ref) return ref;
    const att = valueAt(node, 'Fn::GetAtt');
    const first = isMap(att) ? undefined : (att as { items?: unknown[] } | null)?.items?.[0];
    return literal(first);
  }
  return undefined;
}

interface Resource {
  id: string;
  type?: string;
  props?: Node | null;
}

function resourcesOf(file: SideFile): Resource[] | undefined {
  const resources = valueAt(file.root, 'Resources');
  if (!isMap(resources)) return undefined;
  return (resources.items as Pair[]).flatMap((p) => {
    const id = scalarText(p.key);
    if (!id || !isMap(p.value)) return [];
    return [{ id, type: literal(valueAt(p.value, 'Type')), props: valueAt(p.value, 'Properties') }];
  });
}

function readTemplate(file: SideFile): Template | undefined {
  const resources = resourcesOf(file);
  if (!resources) return undefined;
  const byId = new Map(resources.map((r) => [r.id, r]));
  const fnName = (r: Resource | undefined): string | undefined =>
    r && /^AWS::(Serverless|Lambda)::Function$/.test(r.type ?? '')
      ? literal(valueAt(r.props, 'FunctionName'))
      : undefined;
  const value = (map: unknown, key: string): TemplateValue | undefined => {
    const pair = pairOf(map, key);
    return pair ? { value: literal(pair.value), pair } : undefined;
  };
  const functions: TemplateFunction[] = [];
  for (const r of resources) {
    if (r.type !== 'AWS::Serverless::Function' && r.type !== 'AWS::Lambda::Function') continue;
    const name = value(r.props, 'FunctionName');
    if (!name?.value) continue; // CloudFormation names it: the AppSpec cannot be matched to it
    const fn: TemplateFunction = { logicalId: r.id, name, aliases: [], aliasesUnknown: false, hooks: new Map() };
    const auto = value(r.props, 'AutoPublishAlias');
    if (auto) fn.aliases.push({ name: auto });
    const pref = valueAt(r.props, 'DeploymentPreference');
    const hooksPair = pairOf(pref, 'Hooks');
    if (hooksPair) {
      fn.hooksPair = hooksPair;
      for (const kind of ['PreTraffic', 'PostTraffic'] as const) {
        const pair = pairOf(hooksPair.value, kind);
        if (!pair) continue;
        const target = refOf(pair.value);
        fn.hooks.set(kind, { value: target ? fnName(byId.get(target)) : literal(pair.value), pair });
      }
    }
    functions.push(fn);
  }
  for (const r of resources) {
    if (r.type !== 'AWS::Lambda::Alias') continue;
    const target = valueAt(r.props, 'FunctionName');
    const ref = refOf(target);
    const named = ref ? fnName(byId.get(ref)) : literal(target);
    const owners = named ? functions.filter((f) => f.name.value === named) : functions;
    const name = value(r.props, 'Name');
    if (!name) continue;
    const version = value(r.props, 'FunctionVersion');
    for (const f of owners) {
      if (!named) f.aliasesUnknown = true;
      else f.aliases.push({ name, ...(version ? { version } : {}) });
    }
  }
  return { file, name: baseName(file.abs), functions };
}

/** The template beside the AppSpec, read once per lint run; undefined when there is none or it is unusable. */
export function templateOf(doc: AppSpecDocument, ctx: RuleContext): Template | undefined {
  const root = ctx.bundleRoot;
  if (!ctx.fs || !root) return undefined;
  return memoForRun(doc, ctx, 'files.template', () => {
    for (const name of NAMES) {
      const abs = joinPath(root, name);
      if (!ctx.fs!.stat(abs)?.isFile) continue;
      const file = sideFile(doc, ctx, abs);
      return file ? readTemplate(file) : undefined;
    }
    return undefined;
  });
}

/** The template's function an AppSpec `Name` (a name, partial or full ARN) refers to. */
export function functionFor(
  t: Template,
  appspecName: string | undefined,
  bare: (ref: string) => string | undefined,
): TemplateFunction | undefined {
  const name = appspecName ? bare(appspecName) : undefined;
  return name ? t.functions.find((f) => f.name.value === name) : undefined;
}
