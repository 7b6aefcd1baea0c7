/** CreateApplication, GetApplication, ListApplications, BatchGetApplications, UpdateApplication, DeleteApplication. */
import { checkName } from '../account';
import { COMPUTE_PLATFORMS } from '../enums';
import { fail } from '../errors';
import { optEnum } from '../input';
import { LIMITS } from '../limits';
import { page } from '../paging';
import { readTags } from './tags';
import { listAnswer, type Operations, type OpsContext } from './context';

const appName = (v: unknown) =>
  checkName(
    v,
    LIMITS.nameLength,
    'ApplicationNameRequiredException',
    'InvalidApplicationNameException',
    'application name',
  );

export function applicationOperations({ account }: OpsContext): Operations {
  return {
    CreateApplication: (i) => {
      const name = appName(i.applicationName);
      const platform =
        optEnum(
          i.computePlatform,
          COMPUTE_PLATFORMS,
          'InvalidComputePlatformException',
          'The computePlatform is invalid. The computePlatform should be Lambda, Server, or ECS.',
        ) ?? 'Server';
      const tags = readTags(i.tags, 'InvalidTagsToAddException');
      if (account.findApp(name))
        fail(
          'ApplicationAlreadyExistsException',
          `The application ${name} already exists with the IAM user or Amazon Web Services account.`,
        );
      const app = account.addApplication(name, platform, account.nowSec(), tags);
      return { applicationId: app.applicationId };
    },

    GetApplication: (i) => ({ application: account.appInfo(account.app(i.applicationName)) }),

    ListApplications: (i) => {
      const names = account.state.applications.map((a) => a.applicationName).sort();
      return listAnswer('applications', page('ListApplications', names, i.nextToken));
    },

    BatchGetApplications: (i) => {
      const names = i.applicationNames;
      if (!Array.isArray(names) || names.length === 0)
        fail('ApplicationNameRequiredException', 'The minimum number of required application names was not specified.');
      if (names.length > LIMITS.batchNames)
        fail(
          'BatchLimitExceededException',
          `The maximum number of names or IDs allowed for this request (${LIMITS.batchNames}) was exceeded.`,
        );
      return { applicationsInfo: names.map((n) => account.appInfo(account.app(n))) };
    },

    UpdateApplication: (i) => {
      const app = account.app(i.applicationName);
      if (i.newApplicationName === undefined || i.newApplicationName === null) return {};
      const next = appName(i.newApplicationName);
      if (next === app.applicationName) return {};
      if (account.findApp(next))
        fail(
          'ApplicationAlreadyExistsException',
          `The application ${next} already exists with the IAM user or Amazon Web Services account.`,
        );
      const old = app.applicationName;
      app.applicationName = next;
      for (const g of account.groupsOf(old)) g.info.applicationName = next;
      for (const d of account.state.deployments) if (d.info.applicationName === old) d.info.applicationName = next;
      for (const r of account.state.revisions) if (r.applicationName === old) r.applicationName = next;
      account.markDirty();
      return {};
    },

    /** Deletes the application with its deployment groups, deployments and registered revisions (unknown: no error). */
    DeleteApplication: (i) => {
      const name = appName(i.applicationName);
      const app = account.findApp(name);
      if (!app) return {};
      const st = account.state;
      const groups = new Set(account.groupsOf(name).map((g) => g.info.deploymentGroupId));
      st.groups = st.groups.filter((g) => !groups.has(g.info.deploymentGroupId));
      st.deployments = st.deployments.filter((d) => d.info.applicationName !== name);
      st.revisions = st.revisions.filter((r) => r.applicationName !== name);
      st.applications = st.applications.filter((a) => a !== app);
      account.markDirty();
      return {};
    },
  };
}
