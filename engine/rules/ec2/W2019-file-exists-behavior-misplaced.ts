import type { AppSpecDocument, Edit, Finding, Rule } from '../../types';
import { findPair, scalarString, type Node, type Pair } from '../../ast';
import { filesEntries, finding, unnecessary } from './util';

/** Edits that move a `file_exists_behavior` pair out of a block `files` entry to the top level. */
function moveEdits(doc: AppSpecDocument, pair: Pair, value: string): Edit[] | undefined {
  const filesPair = findPair(doc.root, 'files');
  const filesKey = filesPair?.key as Node | undefined;
  const key = pair.key as Node;
  const end = (pair.value as Node | null)?.range?.[1];
  if (!filesKey?.range || !key.range || end === undefined) return undefined;
  const lineStart = doc.text.lastIndexOf('\n', key.range[0] - 1) + 1;
  if (doc.text.slice(lineStart, key.range[0]).trim() !== '') return undefined;
  const nl = doc.text.indexOf('\n', end);
  const lineEnd = nl === -1 ? doc.text.length : nl + 1;
  const filesStart = filesKey.range[0];
  return [
    { range: doc.rangeOf([filesStart, filesStart]), newText: `file_exists_behavior: ${value}\n` },
    { range: doc.rangeOf([lineStart, lineEnd]), newText: '' },
  ];
}

export const fileExistsBehaviorMisplaced: Rule = {
  id: 'W2019',
  name: 'file-exists-behavior-misplaced',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`file_exists_behavior` inside a `files` entry is ignored',
  doc:
    '`file_exists_behavior` is a top-level key (a sibling of `files`) and applies to every file; inside a `files` ' +
    'entry the agent ignores it, so the default `DISALLOW` applies and the deployment fails when a file already exists. ' +
    'Move it to the top level.',
  check(doc) {
    const out: Finding[] = [];
    const topLevel = findPair(doc.root, 'file_exists_behavior');
    for (const entry of filesEntries(doc)) {
      const pair = findPair(entry.map, 'file_exists_behavior');
      if (!pair) continue;
      const value = scalarString(pair.value);
      const block =
        doc.format !== 'json' &&
        !doc.root?.flow &&
        !entry.map.flow &&
        !(findPair(doc.root, 'files')?.value as { flow?: boolean } | null)?.flow;
      const edits = !topLevel && value && block ? moveEdits(doc, pair, value) : undefined;
      out.push(
        finding(
          'W2019',
          `\`file_exists_behavior\` inside a \`files\` entry is ignored; it must be a top-level key next to \`files\`.`,
          doc.keyRangeOf(pair),
          { fixes: edits ? [{ title: 'Move `file_exists_behavior` to the top level', edits, isPreferred: true }] : [] },
        ),
      );
    }
    return out.map(unnecessary);
  },
};
