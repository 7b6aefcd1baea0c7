/**
 * What the Get Started walkthrough's steps wait for, worked out from plain facts (no vscode here): an AppSpec shown in
 * an editor, the problems of an AppSpec going down (a problem was fixed), a deployment monitor opened. Each becomes a
 * context key once (contributes.walkthroughs completionEvents: onContext:…); nothing is ever unset.
 */

import { isAppSpecFileName } from '../../../engine/index';

export const WALKTHROUGH_KEYS = {
  appSpecOpened: 'codedeploy.walkthrough.appSpecOpened',
  problemFixed: 'codedeploy.walkthrough.problemFixed',
  monitorOpened: 'codedeploy.walkthrough.monitorOpened',
} as const;

export type WalkthroughKey = (typeof WALKTHROUGH_KEYS)[keyof typeof WALKTHROUGH_KEYS];

/** The monitor panel's webview type, as a tab reports it (VS Code may prefix it). */
export function isMonitorViewType(viewType: string): boolean {
  return viewType === 'codedeploy.monitor' || viewType.endsWith('-codedeploy.monitor');
}

export class WalkthroughProgress {
  private readonly done = new Set<WalkthroughKey>();
  /** Problem counts of AppSpecs seen so far, by URI. */
  private readonly problems = new Map<string, number>();

  constructor(private readonly setKey: (key: WalkthroughKey) => void) {}

  private reach(key: WalkthroughKey): void {
    if (this.done.has(key)) return;
    this.done.add(key);
    this.setKey(key);
  }

  /** An editor shows this file. */
  editorShown(fsPath: string): void {
    if (isAppSpecFileName(fsPath)) this.reach(WALKTHROUGH_KEYS.appSpecOpened);
  }

  /**
   * The problems of a file changed; fewer than before in an AppSpec that is still open means one was fixed (closing
   * a file clears its problems without fixing anything).
   */
  problemsChanged(uri: string, fsPath: string, count: number, open: boolean): void {
    if (!isAppSpecFileName(fsPath)) return;
    if (!open) {
      this.problems.delete(uri);
      return;
    }
    const before = this.problems.get(uri);
    this.problems.set(uri, count);
    if (before !== undefined && count < before) this.reach(WALKTHROUGH_KEYS.problemFixed);
  }

  /** A webview tab of this type is open. */
  webviewShown(viewType: string): void {
    if (isMonitorViewType(viewType)) this.reach(WALKTHROUGH_KEYS.monitorOpened);
  }

  reached(): WalkthroughKey[] {
    return [...this.done];
  }
}
