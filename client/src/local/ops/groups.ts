/** CreateDeploymentGroup, GetDeploymentGroup, ListDeploymentGroups, BatchGetDeploymentGroups, UpdateDeploymentGroup, DeleteDeploymentGroup. */
import { checkName } from '../account';
import { fail } from '../errors';
import { checkGroupRules, defaultStyle, GROUP_INPUT_MEMBERS, readGroupMembers } from '../groupInput';
import { LIMITS } from '../limits';
import { page } from '../paging';
import { DEFAULT_CONFIG } from '../configs';
import type { GroupRecord, Json } from '../types';
import { listAnswer, type Operations, type OpsContext } from './context';
import { readTags } from './tags';
import { COMPLETED } from '../simulator';

const groupName = (v: unknown) =>
  checkName(
    v,
    LIMITS.nameLength,
    'DeploymentGroupNameRequiredException',
    'InvalidDeploymentGroupNameException',
    'deployment group name',
  );

export function groupOperations({ account }: OpsContext): Operations {
  /** DeploymentGroupInfo; its last deployments show their deployments' state now (status, end time). */
  const groupInfo = (g: GroupRecord): Json => {
    const info = structuredClone(g.info);
    for (const key of ['lastAttemptedDeployment', 'lastSuccessfulDeployment'] as const) {
      const last = info[key] as Json | undefined;
      const d = typeof last?.deploymentId === 'string' ? account.findDeployment(last.deploymentId) : undefined;
      if (!d) continue;
      info[key] = {
        deploymentId: d.info.deploymentId,
        status: d.info.status,
        createTime: d.info.createTime,
        ...(COMPLETED.has(d.info.status) && d.info.completeTime !== undefined ? { endTime: d.info.completeTime } : {}),
      };
    }
    return info;
  };

  return {
    CreateDeploymentGroup: (i) => {
      const app = account.app(i.applicationName);
      const name = groupName(i.deploymentGroupName);
      if (i.serviceRoleArn === undefined || i.serviceRoleArn === null || i.serviceRoleArn === '')
        fail('RoleRequiredException', 'The role ID was not specified.');
      const fields = readGroupMembers(i);
      const tags = readTags(i.tags, 'InvalidTagsToAddException');
      if (account.findGroup(app.applicationName, name))
        fail(
          'DeploymentGroupAlreadyExistsException',
          `A deployment group with the name ${name} already exists for this application.`,
        );
      const info: Json = {
        ...fields,
        deploymentGroupName: name,
        deploymentConfigName: fields.deploymentConfigName ?? DEFAULT_CONFIG[app.computePlatform],
      };
      const style = info.deploymentStyle ?? defaultStyle(app.computePlatform);
      if (style) info.deploymentStyle = style;
      checkGroupRules(info, app.computePlatform, account);
      const g = account.addGroup(app, info, tags);
      return { deploymentGroupId: g.info.deploymentGroupId };
    },

    GetDeploymentGroup: (i) => ({
      deploymentGroupInfo: groupInfo(account.group(i.applicationName, i.deploymentGroupName)),
    }),

    ListDeploymentGroups: (i) => {
      const app = account.app(i.applicationName);
      const names = account
        .groupsOf(app.applicationName)
        .map((g) => g.info.deploymentGroupName)
        .sort();
      return {
        applicationName: app.applicationName,
        ...listAnswer('deploymentGroups', page('ListDeploymentGroups', names, i.nextToken, app.applicationName)),
      };
    },

    BatchGetDeploymentGroups: (i) => {
      const app = account.app(i.applicationName);
      const names = i.deploymentGroupNames;
      if (!Array.isArray(names) || names.length === 0)
        fail('DeploymentGroupNameRequiredException', 'The deployment group name was not specified.');
      if (names.length > LIMITS.batchNames)
        fail(
          'BatchLimitExceededException',
          `The maximum number of names or IDs allowed for this request (${LIMITS.batchNames}) was exceeded.`,
        );
      const infos: Json[] = [];
      const missing: string[] = [];
      for (const n of names) {
        const g = account.findGroup(app.applicationName, groupName(n));
        if (g) infos.push(groupInfo(g));
        else missing.push(String(n));
      }
      return {
        deploymentGroupsInfo: infos,
        ...(missing.length ? { errorMessage: `Deployment groups not found: ${missing.join(', ')}` } : {}),
      };
    },

    /** Members present in the request replace the group's; the rest stay. Nothing is stored when a check fails. */
    UpdateDeploymentGroup: (i) => {
      const g = account.group(i.applicationName, i.currentDeploymentGroupName);
      const fields = readGroupMembers(i);
      const next =
        i.newDeploymentGroupName === undefined || i.newDeploymentGroupName === null
          ? undefined
          : groupName(i.newDeploymentGroupName);
      if (next !== undefined && next !== g.info.deploymentGroupName && account.findGroup(g.info.applicationName, next))
        fail(
          'DeploymentGroupAlreadyExistsException',
          `A deployment group with the name ${next} already exists for this application.`,
        );
      const merged: Json = { ...g.info };
      for (const k of GROUP_INPUT_MEMBERS) if (k in fields) merged[k] = fields[k];
      checkGroupRules(merged, g.info.computePlatform, account, g.info.deploymentGroupId);
      if (next !== undefined && next !== g.info.deploymentGroupName) {
        const old = g.info.deploymentGroupName;
        merged.deploymentGroupName = next;
        for (const d of account.deploymentsOf(g)) d.info.deploymentGroupName = next;
        for (const r of account.state.revisions) {
          if (r.applicationName === g.info.applicationName)
            r.deploymentGroups = r.deploymentGroups.map((n) => (n === old ? next : n));
        }
      }
      g.info = merged as GroupRecord['info'];
      account.markDirty();
      return {};
    },

    /** Deletes the group (an unknown one is no error, as on AWS); its deployments stay readable by id. */
    DeleteDeploymentGroup: (i) => {
      const appName = checkName(
        i.applicationName,
        LIMITS.nameLength,
        'ApplicationNameRequiredException',
        'InvalidApplicationNameException',
        'application name',
      );
      const name = groupName(i.deploymentGroupName);
      const g = account.findGroup(appName, name);
      if (g) {
        account.state.groups = account.state.groups.filter((x) => x !== g);
        for (const r of account.state.revisions) {
          if (r.applicationName === appName) r.deploymentGroups = r.deploymentGroups.filter((n) => n !== name);
        }
        account.markDirty();
      }
      return { hooksNotCleanedUp: [] };
    },
  };
}
