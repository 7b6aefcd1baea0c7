/**
 * Quick fixes: each diagnostic's `fixes` (computed by the rule) become workspace edits; files a
 * fix creates become CreateFile + insert. A workspace edit cannot set the executable bit, so such
 * fixes carry the `appspec.makeExecutable` command, which the server runs. YAML AppSpecs also get
 * "disable RULE for this line / file" suppression comments for every diagnostic. Fixes that create
 * files are left out where the caller says so (an untrusted workspace), and so is a fix whose file
 * the caller's `mayCreate` refuses (its real path leaves the workspace folder).
 */
import {
  CodeActionKind,
  type CodeAction,
  type Command,
  type Diagnostic,
  type Range,
  type TextDocumentEdit,
  type CreateFile,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { MAKE_EXECUTABLE_COMMAND, suppressionEdit, type AppSpecDocument, type Fix } from '../../../engine/index';
import { DIAGNOSTIC_SOURCE, MORE_PROBLEMS_ID, type DiagnosticData } from './diagnostics';
import { bundleRootOf, fileUri, resolveInBundle } from './paths';

/** Fixes for a diagnostic, found by rule and position in the server's findings for this version. */
export type FixLookup = (diagnostic: Diagnostic) => Fix[];

function dataOf(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as Partial<DiagnosticData> | undefined;
  return data && typeof data.ruleId === 'string' ? (data as DiagnosticData) : undefined;
}

/** Which files a fix may create; without it, any file in the AppSpec's folder. */
export type CreateCheck = (absPath: string) => boolean;

export function fixToAction(
  doc: AppSpecDocument,
  fix: Fix,
  diagnostic: Diagnostic,
  mayCreate?: CreateCheck,
): CodeAction | undefined {
  const edits = fix.edits ?? [];
  const creates = fix.createFiles ?? [];
  if (!edits.length && !creates.length) return undefined;
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
  if (fix.isPreferred) action.isPreferred = true;
  if (!creates.length) {
    action.edit = { changes: { [doc.uri]: edits.map((e) => ({ range: e.range, newText: e.newText })) } };
    return action;
  }
  const root = bundleRootOf(doc.uri);
  if (!root) return undefined;
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  if (edits.length)
    documentChanges.push({
      textDocument: { uri: doc.uri, version: doc.version },
      edits: edits.map((e) => ({ range: e.range, newText: e.newText })),
    });
  const executables: string[] = [];
  for (const file of creates) {
    const abs = resolveInBundle(root, file.path);
    // A file the fix may not write (through a symlink out of the workspace): no fix at all.
    if (!abs || (mayCreate && !mayCreate(abs))) return undefined;
    const uri = fileUri(abs);
    documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    if (file.content) {
      documentChanges.push({
        textDocument: { uri, version: null },
        edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: file.content }],
      });
    }
    if (file.executable) executables.push(abs);
  }
  const edit: WorkspaceEdit = { documentChanges };
  action.edit = edit;
  if (executables.length) {
    const command: Command = { title: 'Make executable', command: MAKE_EXECUTABLE_COMMAND, arguments: executables };
    action.command = command;
  }
  return action;
}

function suppressionActions(doc: AppSpecDocument, d: Diagnostic, ruleId: string, fileDone: Set<string>): CodeAction[] {
  const out: CodeAction[] = [];
  const line = suppressionEdit(doc, ruleId, d.range.start.line, 'line');
  if (line) {
    out.push({
      title: `Disable ${ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [doc.uri]: [line] } },
    });
  }
  if (!fileDone.has(ruleId)) {
    fileDone.add(ruleId);
    const file = suppressionEdit(doc, ruleId, d.range.start.line, 'file');
    if (file) {
      out.push({
        title: `Disable ${ruleId} for this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [doc.uri]: [file] } },
      });
    }
  }
  return out;
}

export function codeActions(
  doc: AppSpecDocument,
  _range: Range,
  diagnostics: Diagnostic[],
  lookup?: FixLookup,
  options: { createFiles: boolean; mayCreate?: CreateCheck } = { createFiles: true },
): CodeAction[] {
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const fileDone = new Set<string>();
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string' || d.code === MORE_PROBLEMS_ID) continue;
    const data = dataOf(d);
    const list = data?.fixes && data.version === doc.version ? data.fixes : (lookup?.(d) ?? data?.fixes ?? []);
    for (const fix of list) {
      if (fix.createFiles?.length && !options.createFiles) continue;
      const action = fixToAction(doc, fix, d, options.mayCreate);
      if (action) fixes.push(action);
    }
    suppressions.push(...suppressionActions(doc, d, d.code, fileDone));
  }
  return [...fixes, ...suppressions];
}
