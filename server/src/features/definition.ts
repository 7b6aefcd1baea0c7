/**
 * Go to definition from a hook `location` or a `files[].source` to the file, and the reverse:
 * which AppSpecs (of those the service has seen) point at a given file.
 */
import type { Location, LocationLink, Position } from 'vscode-languageserver-types';
import type { AppSpecDocument, WorkspaceFs } from '../../../engine/index';
import { resolvedRefs, valueRange } from './links';

type Ranged = { range?: [number, number, number?] | null };

const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function definition(doc: AppSpecDocument, position: Position, fs: WorkspaceFs | undefined): LocationLink[] {
  const offset = doc.lines.offsetAt(position);
  for (const r of resolvedRefs(doc, fs)) {
    const range = (r.ref.node as Ranged).range;
    if (range && range[0] <= offset && offset <= range[1]) {
      return [
        {
          originSelectionRange: valueRange(doc, r.ref.node),
          targetUri: r.targetUri,
          targetRange: TOP,
          targetSelectionRange: TOP,
        },
      ];
    }
  }
  return [];
}

/** Every script `location` / `files[].source` in `docs` that resolves to `targetUri`. */
export function references(docs: AppSpecDocument[], targetUri: string): Location[] {
  const out: Location[] = [];
  for (const doc of docs) {
    for (const r of resolvedRefs(doc, undefined)) {
      if (r.targetUri === targetUri) out.push({ uri: doc.uri, range: valueRange(doc, r.ref.node) });
    }
  }
  return out;
}
