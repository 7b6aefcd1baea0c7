/**
 * Deploying an EC2/On-Premises AppSpec: where the bundle goes in S3 (asked on the first deploy of a
 * workspace, then remembered), zipping the AppSpec's folder, the upload with progress and Cancel,
 * and the S3 revision deployment pinned by ETag.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { UploadCancelledError, type CodeDeployApi } from '../aws/api';
import type { Ctx } from '../ctx';
import { planBundle, zipBundle } from './bundle';
import { orCancel } from './cancel';
import { defaultRevisionKey, keyPrefixOf, s3DeploymentInput, validateBucketName, validateObjectKey } from './plan';

/** Asks the bucket and key prefix for revision bundles; undefined when cancelled. */
export async function askRevisionLocation(
  ctx: Ctx,
  application: string,
  folderName: string,
): Promise<{ bucket: string; key: string } | undefined> {
  const remembered = ctx.memory.revisionLocation();
  const fromSettings = ctx.settings().revisionBucket;
  const bucket =
    fromSettings ||
    (
      await vscode.window.showInputBox({
        title: 'S3 bucket for revision bundles (asked once for this workspace)',
        prompt:
          'CodeDeploy reads EC2/On-Premises revisions from S3; the bucket must be in the same region. Change it later with "CodeDeploy: Change Revision Bundle Location…" (or set codedeploy.revisionBucket).',
        value: remembered?.bucket ?? ctx.memory.bucket() ?? (ctx.connection.isLocal ? 'local-revisions' : ''),
        validateInput: (v) => validateBucketName(v.trim()),
      })
    )?.trim();
  if (!bucket) return undefined;
  const key = (
    await vscode.window.showInputBox({
      title: `S3 key for the revision bundle in ${bucket}`,
      prompt: 'Later deploys use the same folder with a new time stamp.',
      value: defaultRevisionKey(application, folderName, new Date(), remembered?.keyPrefix),
      validateInput: (v) => validateObjectKey(v),
    })
  )?.trim();
  if (!key) return undefined;
  return { bucket, key };
}

/** Where this deploy's bundle goes: the remembered location without asking, else asked (first deploy). */
async function revisionLocation(
  ctx: Ctx,
  application: string,
  folderName: string,
): Promise<{ bucket: string; key: string; asked: boolean }> {
  const remembered = ctx.memory.revisionLocation();
  if (remembered) {
    const bucket = ctx.settings().revisionBucket || remembered.bucket;
    return { bucket, key: defaultRevisionKey(application, folderName, new Date(), remembered.keyPrefix), asked: false };
  }
  return { ...orCancel(await askRevisionLocation(ctx, application, folderName)), asked: true };
}

/** Lets the next renders of the progress notification happen before synchronous work (zipping). */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 50));

/** EC2/On-Premises: zip the AppSpec's folder, upload it, deploy the S3 revision pinned by ETag. */
export async function deployServer(
  ctx: Ctx,
  api: CodeDeployApi,
  doc: vscode.TextDocument,
  target: { application: string; group: string; config?: string },
  opened: (id: string) => Promise<void>,
): Promise<string | undefined> {
  if (doc.uri.scheme !== 'file')
    throw new Error('Save the AppSpec to a folder first: EC2/On-Premises revisions bundle the files next to it.');
  const folder = path.dirname(doc.fileName);
  const { bucket, key, asked } = await revisionLocation(ctx, target.application, path.basename(folder));
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Deploying ${path.basename(folder)} to ${target.application}/${target.group}`,
      cancellable: true,
    },
    async (progress, token) => {
      progress.report({ message: `zipping ${path.basename(folder)}…` });
      await yieldToUi();
      const plan = planBundle(doc.fileName);
      for (const s of plan.skipped) ctx.log.warn(`bundle: left out ${s.path} (${s.reason})`);
      // Unsaved editor text is what the user sees: bundle that.
      const overrides = new Map<string, Uint8Array>();
      if (doc.isDirty) overrides.set(doc.fileName, new TextEncoder().encode(doc.getText()));
      const zip = zipBundle(plan, overrides);
      ctx.log.info(`bundle: ${plan.files.length} files, ${zip.length} bytes zipped → s3://${bucket}/${key}`);
      if (token.isCancellationRequested) return undefined;
      let reported = 0;
      // Cancel stops the upload mid-request; S3 keeps nothing of a PutObject that did not finish.
      const abort = new AbortController();
      const onCancel = token.onCancellationRequested(() => abort.abort());
      let upload;
      try {
        upload = await api.uploadRevision(
          bucket,
          key,
          zip,
          (sent, total) => {
            const pct = total ? Math.floor((sent / total) * 100) : 0;
            if (pct > reported) {
              progress.report({
                increment: (pct - reported) * 0.9,
                message: `uploading to s3://${bucket}/${key}: ${pct}%`,
              });
              reported = pct;
            }
          },
          abort.signal,
        );
      } catch (err) {
        if (err instanceof UploadCancelledError) {
          ctx.log.info(`upload to s3://${bucket}/${key} cancelled; nothing was deployed`);
          void vscode.window.showInformationMessage('Cancelled: the upload was stopped and no deployment was created.');
          return undefined;
        }
        ctx.log.error(`upload to s3://${bucket}/${key} failed: ${(err as Error).message}`);
        void vscode.window
          .showErrorMessage(
            `Could not upload the revision to s3://${bucket}/${key}: ${(err as Error).message}`,
            'Change Bundle Location…',
          )
          .then((c) => {
            if (c) void vscode.commands.executeCommand('codedeploy.changeRevisionLocation');
          });
        return undefined;
      } finally {
        onCancel.dispose();
      }
      if (token.isCancellationRequested) {
        void vscode.window.showInformationMessage(
          `Cancelled. The bundle was uploaded to s3://${bucket}/${key} but no deployment was created.`,
        );
        return undefined;
      }
      if (asked) await ctx.memory.rememberRevisionLocation({ bucket, keyPrefix: keyPrefixOf(key, target.application) });
      progress.report({ message: 'creating the deployment…' });
      const id = await api.createDeployment(
        s3DeploymentInput(
          { ...target, description: `From ${vscode.workspace.asRelativePath(doc.uri)} (VS Code)` },
          upload,
        ),
      );
      progress.report({ message: `${id} created; opening the monitor…` });
      await opened(id);
      return id;
    },
  );
}

/** "CodeDeploy: Change Revision Bundle Location…": the bucket and key prefix later EC2 deploys use. */
export async function changeRevisionLocation(ctx: Ctx): Promise<boolean> {
  const remembered = ctx.memory.revisionLocation();
  const setting = ctx.settings().revisionBucket;
  const bucket = (
    await vscode.window.showInputBox({
      title: 'S3 bucket for revision bundles (this workspace)',
      prompt: setting
        ? `The setting codedeploy.revisionBucket (${setting}) takes precedence over this bucket.`
        : 'EC2/On-Premises deploys upload the AppSpec folder here; the bucket must be in the same region.',
      value: remembered?.bucket ?? ctx.memory.bucket() ?? (ctx.connection.isLocal ? 'local-revisions' : ''),
      validateInput: (v) => validateBucketName(v.trim()),
    })
  )?.trim();
  if (!bucket) return false;
  const keyPrefix = await vscode.window.showInputBox({
    title: `Key prefix in ${bucket}`,
    prompt:
      'Bundles are named <prefix>/<folder>-<time stamp>.zip; {application} stands for the application deployed to. Empty: the bucket root.',
    value: remembered?.keyPrefix ?? '{application}',
    validateInput: (v) => (v.trim().startsWith('/') ? 'The prefix must not start with "/".' : undefined),
  });
  if (keyPrefix === undefined) return false;
  const location = { bucket, keyPrefix: keyPrefix.trim().replace(/\/+$/, '') };
  await ctx.memory.rememberRevisionLocation(location);
  ctx.log.info(`deploy: revision bundles now go to s3://${bucket}/${location.keyPrefix}`);
  void vscode.window.showInformationMessage(
    `EC2/On-Premises revision bundles of this workspace now go to s3://${bucket}/${location.keyPrefix ? location.keyPrefix + '/' : ''}….`,
  );
  return true;
}
