/**
 * The editor surface of the account checks besides the diagnostics: quick fixes for their findings
 * (set CurrentVersion from the alias, pick a published TargetVersion, a container or port of the
 * task definition, a function that exists), and a code lens at the top of the AppSpec that says when
 * the account was last looked at and offers to refresh.
 */
import * as vscode from 'vscode';
import { ACCOUNT_SOURCE, toRange, type AccountChecks } from './controller';

export const REFRESH_COMMAND = 'codedeploy.refreshAccountChecks';
export const ENABLE_COMMAND = 'codedeploy.enableAccountChecks';

const sameStart = (a: vscode.Range, b: vscode.Range) => a.start.isEqual(b.start) && a.end.isEqual(b.end);

export class AccountCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly checks: AccountChecks) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext) {
    const ours = context.diagnostics.filter((d) => d.source === ACCOUNT_SOURCE);
    if (!ours.length) return [];
    const findings = this.checks.findings(doc.uri);
    const actions: vscode.CodeAction[] = [];
    for (const d of ours) {
      const f = findings.find((x) => x.code === d.code && sameStart(toRange(x.range), d.range));
      for (const fix of f?.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, toRange(fix.range), fix.newText);
        action.diagnostics = [d];
        action.isPreferred = fix.preferred === true;
        actions.push(action);
      }
    }
    const refresh = new vscode.CodeAction('Refresh the account checks', vscode.CodeActionKind.QuickFix);
    refresh.command = { command: REFRESH_COMMAND, title: 'Refresh the account checks' };
    refresh.diagnostics = ours;
    actions.push(refresh);
    return actions;
  }
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

export class AccountCodeLens implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly checks: AccountChecks) {
    this.onDidChangeCodeLenses = checks.onDidChange;
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const st = this.checks.state(doc.uri);
    if (!st) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    if (st.offer) {
      return [
        new vscode.CodeLens(top, {
          title: '$(cloud) Check this AppSpec against the AWS account while editing',
          tooltip:
            'Reads Lambda functions, aliases and versions, ECS task definitions and services (codedeploy.accountChecks = always)',
          command: ENABLE_COMMAND,
        }),
      ];
    }
    const lenses: vscode.CodeLens[] = [];
    if (st.checking) {
      lenses.push(new vscode.CodeLens(top, { title: '$(sync~spin) CodeDeploy account: looking…', command: '' }));
    } else if (st.error) {
      lenses.push(
        new vscode.CodeLens(top, {
          title: `$(warning) CodeDeploy account: could not look (${st.error.length > 80 ? `${st.error.slice(0, 79)}…` : st.error})`,
          tooltip: st.error,
          command: 'codedeploy.showOutput',
        }),
        new vscode.CodeLens(top, { title: 'Retry', command: REFRESH_COMMAND }),
      );
      return lenses;
    }
    if (st.look) {
      const problems = st.look.findings.filter((f) => f.severity !== 'info').length;
      const when = new Date(st.look.lookedAt).toLocaleTimeString();
      lenses.push(
        new vscode.CodeLens(top, {
          title: `$(cloud) CodeDeploy account: ${problems ? plural(problems, 'problem') : 'no problems'} · looked at ${when}`,
          tooltip:
            'Lambda functions, aliases and versions, ECS task definitions and services, as the account had them then',
          command: problems ? 'workbench.actions.view.problems' : '',
        }),
      );
      if (!st.checking) lenses.push(new vscode.CodeLens(top, { title: 'Refresh', command: REFRESH_COMMAND }));
    }
    return lenses;
  }
}
