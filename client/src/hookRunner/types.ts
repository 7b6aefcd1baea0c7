/**
 * Shapes of the local hook runner: the plan (what would run, in order) and the run's result.
 * Pure data; nothing here touches the file system or vscode.
 */

/** One script of a lifecycle event, as the AppSpec states it. */
export interface ScriptSpec {
  /** `location` as written (trimmed). */
  location: string;
  /** Seconds; the AppSpec's `timeout` or the agent's default of 3600. */
  timeoutSeconds: number;
  /** `runas` as written; never honoured locally. */
  runas?: string;
  /** `sudo: true` as written; never honoured locally. */
  sudo?: boolean;
}

/** A `files` entry, resolved: where it is read in the revision and where it lands in the sandbox. */
export interface FileMapping {
  source: string;
  destination: string;
  /** Path relative to the revision root (`''` = the whole revision). */
  sourceRel: string;
  /** Path relative to the sandbox's `root/` folder (the destination re-rooted). */
  destinationRel: string;
}

export type FileExistsBehavior = 'DISALLOW' | 'OVERWRITE' | 'RETAIN';

export type HookStep =
  | { kind: 'skip'; event: string; reason: string }
  | { kind: 'download'; event: 'DownloadBundle' }
  | { kind: 'install'; event: 'Install'; files: FileMapping[]; fileExistsBehavior: FileExistsBehavior }
  | {
      kind: 'scripts';
      event: string;
      scripts: ScriptSpec[];
      /** `previous`: the scripts come from the last successful local run's revision (ApplicationStop). */
      revision: 'current' | 'previous';
    };

export interface HookPlan {
  steps: HookStep[];
  /** The AppSpec's `os` (`linux` | `windows`), or `undefined` when absent/other. */
  os?: string;
  /** Problems that make the run impossible (not EC2, paths escaping the revision or the sandbox…). */
  problems: string[];
  /** Things worth saying that do not stop the run (events that need a load balancer, unknown events…). */
  notes: string[];
}

/** What the runner tells its caller while it works (the command turns these into the output channel). */
export type RunEvent =
  | { type: 'event-start'; event: string }
  | { type: 'event-end'; event: string; status: EventStatus; logTail: string }
  | { type: 'script-start'; event: string; location: string; timeoutSeconds: number }
  | { type: 'output'; event: string; stream: 'stdout' | 'stderr' | 'info'; text: string };

export type EventStatus = 'Succeeded' | 'Failed' | 'Skipped' | 'Cancelled';

export interface EventResult {
  event: string;
  status: EventStatus;
  /** The last ~4 KB of the event's log, `[stdout]`/`[stderr]` prefixed like the agent's diagnostics. */
  logTail: string;
  /** Set when a script failed. */
  errorCode?: 'ScriptFailed' | 'ScriptTimedOut' | 'ScriptMissing' | 'ScriptNotExecutable' | 'UnknownError';
  message?: string;
  /** The failing script's `location`, and its absolute path in the sandbox copy. */
  script?: { location: string; path: string };
  exitCode?: number | null;
}

export interface RunResult {
  deploymentId: string;
  status: 'Succeeded' | 'Failed' | 'Cancelled';
  events: EventResult[];
  /** The first failed event, when the run failed. */
  failed?: EventResult;
  sandbox: string;
}
