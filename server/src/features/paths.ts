/**
 * Where the files an AppSpec names live: hook `location`s and `files[].source` are relative to the
 * AppSpec's folder (the revision's bundle root); a leading `/` does not make them absolute.
 */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  isMap,
  isPair,
  isSeq,
  keyText,
  scalarString,
  type AppSpecDocument,
  type Node,
  type Pair,
} from '../../../engine/index';

/** The AppSpec's folder on disk, or undefined for documents that are not files (untitled, inline). */
export function bundleRootOf(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    if (u.scheme !== 'file') return undefined;
    return path.dirname(u.fsPath);
  } catch {
    return undefined;
  }
}

/** The absolute path a bundle-relative reference points at, or undefined when it cannot be a file. */
export function resolveInBundle(bundleRoot: string, ref: string): string | undefined {
  const trimmed = ref.trim().replace(/\\/g, '/').replace(/^\/+/, '');
  if (!trimmed || /[*?]/.test(trimmed)) return undefined;
  const abs = path.resolve(bundleRoot, ...trimmed.split('/'));
  return abs;
}

export function fileUri(absPath: string): string {
  return URI.file(absPath).toString();
}

/** A bundle-relative file reference written in the AppSpec. */
export interface FileRef {
  kind: 'script' | 'source';
  /** The text as written. */
  value: string;
  /** The scalar holding it. */
  node: Node;
  /** The hook event for scripts. */
  event?: string;
}

/** Every hook script `location` and `files[].source` of an EC2 AppSpec. */
export function fileRefs(doc: AppSpecDocument): FileRef[] {
  const out: FileRef[] = [];
  if (doc.platform.platform === 'ecs' || doc.platform.platform === 'lambda') return out;
  const root = doc.root;
  if (!isMap(root)) return out;
  for (const top of root.items as Pair[]) {
    const name = keyText(top);
    if (name === 'hooks' && isMap(top.value)) {
      for (const hook of top.value.items as Pair[]) {
        const event = keyText(hook);
        if (!isSeq(hook.value)) continue;
        for (const script of hook.value.items) {
          if (!isMap(script)) continue;
          for (const field of script.items) {
            if (isPair(field) && keyText(field) === 'location') pushRef(out, 'script', field.value, event);
          }
        }
      }
    } else if (name === 'files' && isSeq(top.value)) {
      for (const entry of top.value.items) {
        if (!isMap(entry)) continue;
        for (const field of entry.items) {
          if (isPair(field) && keyText(field) === 'source') pushRef(out, 'source', field.value);
        }
      }
    }
  }
  return out;
}

function pushRef(out: FileRef[], kind: FileRef['kind'], node: unknown, event?: string): void {
  const value = scalarString(node);
  if (value === undefined || !value.trim()) return;
  out.push({ kind, value, node: node as Node, event });
}
