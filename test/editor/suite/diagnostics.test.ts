import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  describeDiagnostics,
  diagnosticsWith,
  ruleId,
  validatedDiagnostics,
  wsUri,
} from '../helpers';

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  E: vscode.DiagnosticSeverity.Error,
  W: vscode.DiagnosticSeverity.Warning,
};

/** Broken AppSpecs in the test workspace and the rule IDs (with 1-based lines) the engine reports for them. */
const CASES: { file: string; platform: string; expect: [string, number][] }[] = [
  {
    file: 'ec2-broken/appspec.yml',
    platform: 'EC2',
    expect: [
      ['E2001', 2], // os: Linux (case-sensitive)
      ['E4009', 9], // timeout: 0
      ['W4002', 10], // AfterInstal
    ],
  },
  {
    file: 'ecs-broken/appspec.yaml',
    platform: 'ECS',
    expect: [
      ['E6007', 9], // ContainerPort 70000
      ['E6014', 11], // AfterAllowTestTrafic
    ],
  },
  {
    file: 'lambda-broken/appspec.json',
    platform: 'Lambda',
    expect: [
      ['E7005', 11], // TargetVersion $LATEST
      ['E7010', 17], // BeforeInstall is not a Lambda hook
    ],
  },
];

describe('diagnostics', () => {
  before(async () => {
    await activateExtension();
  });

  for (const c of CASES) {
    it(`reports rule IDs on a broken ${c.platform} AppSpec (${c.file})`, async () => {
      const ds = await diagnosticsWith(
        c.file,
        c.expect.map(([id]) => id),
      );
      for (const [id, line] of c.expect) {
        const d = ds.find((x) => ruleId(x) === id);
        assert.ok(d, `${id} reported`);
        assert.equal(d.range.start.line + 1, line, `${id} on line ${line}; got:\n${describeDiagnostics(ds)}`);
        const letter = id[0];
        if (SEVERITY[letter] !== undefined)
          assert.equal(d.severity, SEVERITY[letter], `${id} severity matches its letter`);
        assert.ok(d.message.length > 10, `${id} has a message`);
      }
    });
  }

  it('reports no errors or warnings on a valid Lambda AppSpec', async () => {
    const doc = await vscode.workspace.openTextDocument(wsUri('lambda-deploy/appspec.yml'));
    // The server confirms it published this version: an empty list means "valid", not "not checked yet".
    const ds = (await validatedDiagnostics(doc)).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(
      ds.map(ruleId),
      [],
      `no errors/warnings on lambda-deploy/appspec.yml:\n${describeDiagnostics(ds)}`,
    );
  });
});
