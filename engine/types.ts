/**
 * The contract shared by the whole engine: the parsed document model that every rule and
 * language feature reads, the rule shape, and what a rule reports.
 *
 * Nothing here (or anywhere under engine/ and features/) may import `vscode` or
 * `vscode-languageserver`; plain data types come from `vscode-languageserver-types`.
 */
import type { Document, Pair, YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';

export type { Range };

/** The compute platform an AppSpec targets. */
export type Platform = 'ec2' | 'ecs' | 'lambda' | 'unknown';

export interface PlatformInfo {
  platform: Platform;
  /** Why the platform was chosen (or why it could not be), in a sentence a user can read. */
  reason: string;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A text edit in the AppSpec itself. */
export interface Edit {
  range: Range;
  newText: string;
}

/** A file the fix creates next to the AppSpec (for example a missing hook script). */
export interface FileCreation {
  /** Path relative to the bundle root (the AppSpec's folder), always with `/`. */
  path: string;
  content: string;
  executable?: boolean;
}

/** A quick fix computed by the rule that found the problem. */
export interface Fix {
  title: string;
  edits?: Edit[];
  createFiles?: FileCreation[];
  /** The one fix an editor may apply on "auto fix". */
  isPreferred?: boolean;
}

export interface RelatedInfo {
  range: Range;
  message: string;
  /** Absent means "the same document". */
  uri?: string;
}

/** What a rule (or the schema check) reports. */
export interface Finding {
  ruleId: string;
  message: string;
  range: Range;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** Marks the finding as unnecessary/deprecated code for editors that render tags. */
  tags?: ('unnecessary' | 'deprecated')[];
  /**
   * Set on a structural finding (wrong nesting: a key left empty with its keys beside it, a resource split over two items): the text whose problems all follow
   * from this one mistake. The engine reports no other finding (but the general 0xxx ones) that starts in it, and
   * never softens a structural finding (see subject.ts).
   */
  covers?: Range;
}

/**
 * A finding after config and suppressions were applied: severity is final. (A rule never sets a finding's
 * severity: it is the rule's default, which its ID's letter names, unless the user configured another.)
 */
export interface Diagnosis extends Finding {
  severity: Severity;
}

/** Synchronous, read-only access to the workspace, injected so rules stay pure and testable. */
export interface WorkspaceFs {
  /**
   * undefined when the path does not exist. `mode` is the POSIX mode when known. `outside`: the path leads
   * (through a symlink) out of the folders the reader is confined to; nothing about it is known, and checks
   * report nothing for it (neither "missing" nor its content).
   */
  stat(absPath: string):
    | {
        isFile: boolean;
        isDirectory: boolean;
        mode?: number;
        size: number;
        mtimeMs?: number;
        ctimeMs?: number;
        outside?: boolean;
      }
    | undefined;
  /** The first `maxBytes` bytes of a file, or undefined when it cannot be read. */
  readHead(absPath: string, maxBytes: number): Uint8Array | undefined;
  /** Entries of a folder (names only), or [] when it cannot be read. */
  list(absDir: string): { name: string; isDirectory: boolean }[];
  /** The mode git records for the file (e.g. 0o100755), when the file is tracked. */
  gitMode?(absPath: string): number | undefined;
}

/** What a rule may know beyond the document. */
export interface RuleContext {
  /** Absolute folder of the AppSpec (the revision's bundle root), when it is a file on disk. */
  bundleRoot?: string;
  /** The AppSpec's file name (`appspec.yml`, `appspec.yaml`, `appspec.json`, or another name). */
  fileName: string;
  /** Present only where workspace checks are wanted (editor, CLI); absent for pure content (AppSpecContent). */
  fs?: WorkspaceFs;
  /**
   * The ECS task definition file to check an ECS AppSpec against, relative to the AppSpec's folder (or absolute);
   * `taskdef.json` beside the AppSpec when unset. From the `taskDefinitionFile` configuration (see config.ts).
   */
  taskDefinitionFile?: string;
}

/** Line index over the text: offsets are UTF-16 code unit offsets into `text`. */
export interface LineIndex {
  positionAt(offset: number): { line: number; character: number };
  offsetAt(position: { line: number; character: number }): number;
  lineCount: number;
}

/** One YAML/JSON syntax problem reported by the parser. */
export interface ParseProblem {
  message: string;
  code: string;
  range: Range;
  severity: 'error' | 'warning';
}

/**
 * The parsed AppSpec. Built once per (uri, version) by `document.ts` and shared by every
 * rule and feature; nothing else parses the text again.
 */
export interface AppSpecDocument {
  uri: string;
  version: number;
  text: string;
  /** By file extension first, then by content (a leading `{`). */
  format: 'yaml' | 'json';
  lines: LineIndex;
  /** Absent when the text was not parsed at all (binary content, over the size limit). */
  yaml?: Document.Parsed;
  /** The top-level mapping, when the document is one. */
  root?: YAMLMap;
  platform: PlatformInfo;
  syntaxErrors: ParseProblem[];
  /**
   * Set when this parse reused the previous version's tree (see `incremental.ts`). `trivia`: the edit
   * only touched comments or spaces on one line, so every node keeps its value, line and column.
   */
  incremental?: { fromVersion: number; trivia: boolean };
  /** Set when deep checks were skipped; the reason is reported once by the engine. */
  skipped?: { reason: 'too-large' | 'binary' | 'invalid-utf8'; message: string };
  /** Range of a node, of a pair (key start to value end), or of a `[start, end]` offset pair. */
  rangeOf(nodeOrOffsets: { range?: [number, number, number?] | null } | Pair | [number, number]): Range;
  /** Range of a pair's key (falls back to the value). */
  keyRangeOf(pair: Pair): Range;
}

/**
 * What a rule reads, which says when its findings of one version still hold for the next (the language
 * service reuses them instead of running the rule again):
 * - `tree`: parsed nodes only (keys, values, their positions): they hold after an edit that changed no node
 *   (typing in a comment, trailing spaces);
 * - `workspace`: nodes and the files next to the AppSpec (`ctx.fs`): they hold after such an edit while those
 *   files are unchanged;
 * - `text`: the raw text (tabs, encoding, comments, syntax): the rule runs again after every edit.
 */
export type RuleInput = 'text' | 'tree' | 'workspace';

/** A semantic rule. One rule per file under `rules/`, registered in its area's `index.ts`. */
export interface Rule {
  /**
   * Stable ID in the cfn-lint style: E (deployment fails), W (likely mistake), I (information) + 4 digits. The letter
   * and the severity always agree (E error, W warning, I info or hint): a case of a rule that deserves another
   * severity gets an ID of its own.
   */
  id: string;
  /** Short kebab-case name, e.g. `hook-name-unknown`. */
  name: string;
  /** Default severity; config and settings may change it. */
  severity: Severity;
  /** Platforms the rule applies to; the engine skips it elsewhere. `unknown` runs platform-neutral rules. */
  platforms: readonly Platform[];
  /** What the findings depend on (besides the file name and configuration); see `RuleInput`. */
  reads: RuleInput;
  /** One line, used as the SARIF short description. */
  title: string;
  /** One paragraph of markdown: what, why, how to fix; say where behaviour is uncertain. */
  doc: string;
  check(doc: AppSpecDocument, ctx: RuleContext): Finding[];
}

export const ALL_PLATFORMS: readonly Platform[] = ['ec2', 'ecs', 'lambda', 'unknown'];
export const DOCS_BASE_URL = 'https://github.com/appspec-tools/appspec-codedeploy/blob/main/docs/rules.md';
