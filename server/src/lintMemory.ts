/**
 * What the language service keeps of each document's last lint, so the next version does less work:
 * - the raw findings by rule: after an edit that changed no node (a comment, trailing spaces) a rule's
 *   findings are reused according to what the rule reads (`Rule.reads`): `tree` rules always, `workspace`
 *   rules while the files they looked at are unchanged, `text` rules never;
 * - the answers the workspace checks got, with a fingerprint of those files (fsSnapshot.ts): while it
 *   holds, the next lint starts from those answers instead of asking the disk again.
 */
import {
  allRules,
  memoizeFs,
  SCHEMA_KEY,
  snapshotHolds,
  takeSnapshot,
  type AppSpecDocument,
  type Finding,
  type FsMemoState,
  type FsSnapshot,
  type MemoFs,
  type RuleInput,
  type WorkspaceFs,
} from '../../engine/index';

interface LastLint {
  version: number;
  /** Configuration and file name the findings were computed with. */
  key: string;
  /** The workspace state the findings describe (undefined: no workspace checks ran). */
  snapshot?: FsSnapshot;
  /** The answers the workspace checks got, valid while `snapshot` holds. */
  fsState?: FsMemoState;
  byRule: Map<string, Finding[]>;
}

/** One lint run planned from the memory: pass `fs`, `reuse` and `record` to `lint`, then call `done`. */
export interface LintPlan {
  /** File access for this run (answers seeded from the last run while its files are unchanged). */
  fs?: MemoFs;
  /** Findings carried over from the previous version, by rule ID. */
  reuse?: ReadonlyMap<string, Finding[]>;
  /** Receives this run's findings by rule. */
  record: Map<string, Finding[]>;
  /** Remembers this run for the next version. */
  done(): void;
}

let inputs: ReadonlyMap<string, RuleInput> | undefined;
const defaultInputOf = (ruleId: string): RuleInput | undefined =>
  (inputs ??= new Map(allRules.map((r) => [r.id, r.reads]))).get(ruleId);

export class LintMemory {
  private readonly last = new Map<string, LastLint>();

  constructor(
    private readonly fs: WorkspaceFs | undefined,
    private readonly inputOf: (ruleId: string) => RuleInput | undefined = defaultInputOf,
  ) {}

  /** `key`: the configuration and file name; findings are reused only under the same key. */
  plan(doc: AppSpecDocument, key: string, workspaceChecks: boolean): LintPlan {
    const fs = this.fs;
    const prev = this.last.get(doc.uri);
    const filesHold = prev?.snapshot !== undefined && fs !== undefined && snapshotHolds(fs, prev.snapshot);
    const runFs = fs && workspaceChecks ? memoizeFs(fs, filesHold ? prev?.fsState : undefined) : undefined;
    const unchangedNodes =
      prev !== undefined &&
      doc.incremental?.trivia === true &&
      prev.version === doc.incremental.fromVersion &&
      prev.key === key;
    // The previous findings that read the workspace describe the files as they are now.
    const filesCurrent = prev?.snapshot === undefined || filesHold;
    const reuse = unchangedNodes
      ? new Map([...prev.byRule].filter(([id]) => this.survives(id, filesCurrent)))
      : undefined;
    const record = new Map<string, Finding[]>();
    return {
      fs: runFs,
      reuse,
      record,
      done: () => {
        // Every workspace finding was carried over: the files they describe are those of the last run.
        const carried = unchangedNodes && filesCurrent;
        this.last.set(doc.uri, {
          version: doc.version,
          key,
          snapshot: carried ? prev.snapshot : fs && runFs ? takeSnapshot(fs, runFs.state()) : undefined,
          fsState: carried ? prev.fsState : runFs?.state(),
          byRule: record,
        });
      },
    };
  }

  private survives(ruleId: string, filesCurrent: boolean): boolean {
    if (ruleId === SCHEMA_KEY) return true;
    const input = this.inputOf(ruleId);
    return input === 'tree' || (input === 'workspace' && filesCurrent);
  }

  /** True when the last lint of `uri` looked at `absPath` (a file beside it or outside its folder, such as a task definition named by a setting). */
  lookedAt(uri: string, absPath: string): boolean {
    return this.last.get(uri)?.snapshot?.has(absPath) === true;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }

  clear(): void {
    this.last.clear();
  }
}
