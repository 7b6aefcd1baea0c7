/** Local hook runner: plan and run an EC2 revision's hooks in a sandbox folder. No vscode here. */
export * from './types';
export { plan, scriptCount, appSpecData, LOCAL_EVENT_ORDER, type PlanOptions } from './plan';
export { runHooks, planInSandbox, previousRevision, readState, type RunOptions } from './runner';
export { runScript, systemClock, killTree, type Clock, type SpawnFn, type ScriptOutcome } from './runScript';
export { installFiles, copyRevision, InstallError } from './install';
export { LogTail, LOG_TAIL_MAX } from './logTail';
export { revisionRelative, reRootDestination, inside } from './paths';
