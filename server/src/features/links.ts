/**
 * Document links on hook script `location`s and `files[].source`s that name an existing file
 * next to the AppSpec (or any such reference when no file access is available).
 */
import type { DocumentLink } from 'vscode-languageserver-types';
import type { AppSpecDocument, WorkspaceFs } from '../../../engine/index';
import { bundleRootOf, fileRefs, fileUri, resolveInBundle, type FileRef } from './paths';

type Ranged = { range?: [number, number, number?] | null };

export interface ResolvedRef {
  ref: FileRef;
  absPath: string;
  targetUri: string;
}

/** File references of the document that resolve to files (existing ones only, when `fs` is given). */
export function resolvedRefs(doc: AppSpecDocument, fs: WorkspaceFs | undefined): ResolvedRef[] {
  const root = bundleRootOf(doc.uri);
  if (!root) return [];
  const out: ResolvedRef[] = [];
  for (const ref of fileRefs(doc)) {
    const absPath = resolveInBundle(root, ref.value);
    if (!absPath) continue;
    if (fs) {
      const st = fs.stat(absPath);
      if (!st?.isFile) continue;
    }
    out.push({ ref, absPath, targetUri: fileUri(absPath) });
  }
  return out;
}

/** The range of a scalar's text without its quotes. */
export function valueRange(doc: AppSpecDocument, node: unknown): ReturnType<AppSpecDocument['rangeOf']> {
  const r = (node as Ranged).range;
  if (!r) return doc.rangeOf([0, 0]);
  let [start, end] = [r[0], r[1]];
  const first = doc.text[start];
  if ((first === '"' || first === "'") && end - start >= 2 && doc.text[end - 1] === first) {
    start++;
    end--;
  }
  return doc.rangeOf([start, end]);
}

export function documentLinks(doc: AppSpecDocument, fs: WorkspaceFs | undefined): DocumentLink[] {
  return resolvedRefs(doc, fs).map(({ ref, targetUri }) => ({
    range: valueRange(doc, ref.node),
    target: targetUri,
    tooltip: ref.kind === 'script' ? `Open the ${ref.event ?? 'hook'} script` : 'Open the source file',
  }));
}
