/**
 * Hover: what a key, a lifecycle event or an enum value means, its type and limits, where an
 * event falls in the run order and which revision's scripts it runs, with a link to the AWS page.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { LIFECYCLE_EVENTS, scalarString, type AppSpecDocument, type WorkspaceFs } from '../../../engine/index';
import { bundleRootOf, resolveInBundle } from './paths';
import { effectivePlatform, resolve, type Shape } from './catalog';
import { eventMarkdown, keyMarkdown, valueMarkdown } from './describe';
import { nodeAt } from './nodeAt';

type Ranged = { range?: [number, number, number?] | null };

function markdown(value: string, doc: AppSpecDocument, node: unknown): Hover {
  const r = (node as Ranged).range;
  return { contents: { kind: MarkupKind.Markdown, value }, ...(r ? { range: doc.rangeOf([r[0], r[1]]) } : {}) };
}

/** Where a `location` / `files[].source` value points, and whether it is there. */
function fileNote(doc: AppSpecDocument, value: string, fs: WorkspaceFs | undefined): string {
  const rel = value.trim().replace(/\\/g, '/').replace(/^\/+/, '');
  if (!rel) return "The whole revision (the AppSpec's folder).";
  const root = bundleRootOf(doc.uri);
  const abs = root ? resolveInBundle(root, value) : undefined;
  if (!abs) return `Relative to the revision root: \`${rel}\`.`;
  const st = fs?.stat(abs);
  const state = !fs
    ? ''
    : st?.isFile
      ? ' (file found)'
      : st?.isDirectory
        ? ' (folder found)'
        : ' (**not found** next to the AppSpec)';
  return `Relative to the revision root: \`${rel}\`${state}.`;
}

export function hover(doc: AppSpecDocument, position: Position, fs?: WorkspaceFs): Hover | null {
  const hit = nodeAt(doc, doc.lines.offsetAt(position));
  if (!hit || hit.path.length === 0) return null;
  const platform = effectivePlatform(doc);
  const resolved = resolve(platform, hit.path);
  if (!resolved) return null;
  if (hit.onKey) {
    if (resolved.event)
      return markdown(eventMarkdown(resolved.event, LIFECYCLE_EVENTS[resolved.event.platform]), doc, hit.node);
    if (resolved.field) return markdown(keyMarkdown(resolved.field, hit.path), doc, hit.node);
    if (resolved.named) {
      return markdown(
        '**Resource name** · the single entry of `Resources`\n\nAny name; AWS examples use `TargetService` for ECS and the function name for Lambda.',
        doc,
        hit.node,
      );
    }
    return null;
  }
  // A value: an enum member, or the key's own documentation, or the event a hook function serves.
  const text = scalarString(hit.node);
  const shape: Shape = resolved.shape;
  if (text !== undefined && shape.t === 'scalar' && shape.values) {
    const v = shape.values.find((x) => x.value === text);
    const key = [...hit.path].reverse().find((s): s is string => typeof s === 'string');
    if (v) return markdown(valueMarkdown(v, key, hit.path), doc, hit.node);
  }
  if (text === undefined) return null;
  if (resolved.event)
    return markdown(eventMarkdown(resolved.event, LIFECYCLE_EVENTS[resolved.event.platform]), doc, hit.node);
  if (resolved.field) {
    const files = shape.t === 'scalar' && shape.files ? `\n\n${fileNote(doc, text, fs)}` : '';
    return markdown(keyMarkdown(resolved.field, hit.path) + files, doc, hit.node);
  }
  return null;
}
