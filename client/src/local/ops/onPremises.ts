/**
 * On-premises instances: RegisterOnPremisesInstance, DeregisterOnPremisesInstance, GetOnPremisesInstance,
 * BatchGetOnPremisesInstances, ListOnPremisesInstances, AddTagsToOnPremisesInstances,
 * RemoveTagsFromOnPremisesInstances. Registered instances join deployments whose group's
 * on-premises tag filters (or tag set) select them.
 */
import { REGISTRATION_STATUSES, TAG_FILTER_TYPES } from '../enums';
import { fail } from '../errors';
import { isObj, optEnum, optObjList, optStr } from '../input';
import { LIMITS } from '../limits';
import { page } from '../paging';
import type { Json, OnPremisesInstanceRecord } from '../types';
import { listAnswer, type Operations, type OpsContext } from './context';

const USER_ARN = /^arn:aws[a-z-]*:iam::\d{12}:user\/[\w+=,.@/-]{1,512}$/;
const SESSION_ARN = /^arn:aws[a-z-]*:sts::\d{12}:assumed-role\/[\w+=,.@-]{1,64}\/[\w+=,.@-]{2,64}$/;

function instanceName(v: unknown): string {
  if (v === undefined || v === null || v === '')
    fail('InstanceNameRequiredException', 'An on-premises instance name was not specified.');
  if (typeof v !== 'string' || v.length > LIMITS.nameLength)
    fail('InvalidInstanceNameException', 'The on-premises instance name was specified in an invalid format.');
  return v;
}

function instanceNames(v: unknown, max: number): string[] {
  if (!Array.isArray(v) || v.length === 0)
    fail('InstanceNameRequiredException', 'An on-premises instance name was not specified.');
  if (v.length > max)
    fail('InstanceLimitExceededException', `At most ${max} on-premises instances can be given in one call.`);
  return v.map(instanceName);
}

/** Tags for on-premises instances: a Key, and a Value (required when adding). */
function instanceTags(v: unknown, valueRequired: boolean): { Key: string; Value?: string }[] {
  if (!Array.isArray(v) || v.length === 0) fail('TagRequiredException', 'A tag was not specified.');
  return v.map((t: unknown) => {
    const tag = isObj(t) ? t : {};
    const value = tag.Value ?? undefined;
    if (
      typeof tag.Key !== 'string' ||
      tag.Key === '' ||
      tag.Key.length > 128 ||
      (valueRequired && value === undefined) ||
      (value !== undefined && (typeof value !== 'string' || value.length > 256))
    )
      fail(
        'InvalidTagException',
        'The tag was specified in an invalid format: on-premises instance tags need a Key and a Value.',
      );
    return { Key: tag.Key, ...(value !== undefined ? { Value: value as string } : {}) };
  });
}

const info = (r: OnPremisesInstanceRecord): Json => structuredClone(r) as unknown as Json;

export function onPremisesOperations({ account }: OpsContext): Operations {
  const registered = (name: string): OnPremisesInstanceRecord => {
    const r = account.findInstance(name);
    if (!r || r.deregisterTime !== undefined)
      fail('InstanceNotRegisteredException', `The on-premises instance ${name} is not registered.`);
    return r;
  };

  return {
    RegisterOnPremisesInstance: (i) => {
      const name = instanceName(i.instanceName);
      const user = optStr(
        i.iamUserArn,
        'InvalidIamUserArnException',
        'The IAM user ARN was specified in an invalid format.',
      );
      const session = optStr(
        i.iamSessionArn,
        'InvalidIamSessionArnException',
        'The IAM session ARN was specified in an invalid format.',
      );
      if (user && session)
        fail(
          'MultipleIamArnsProvidedException',
          'Both an IAM user ARN and an IAM session ARN were given. Use only one.',
        );
      if (!user && !session)
        fail('IamArnRequiredException', 'No IAM ARN was given: use an IAM session ARN or an IAM user ARN.');
      if (user && !USER_ARN.test(user))
        fail(
          'InvalidIamUserArnException',
          `${user.slice(0, 200)} is not an IAM user ARN (arn:aws:iam::<account>:user/<name>).`,
        );
      if (session && !SESSION_ARN.test(session))
        fail(
          'InvalidIamSessionArnException',
          `${session.slice(0, 200)} is not an IAM session ARN (arn:aws:sts::<account>:assumed-role/<role>/<session>).`,
        );
      if (account.findInstance(name))
        fail('InstanceNameAlreadyRegisteredException', `The on-premises instance name ${name} is already registered.`);
      const live = account.onPremises.filter((x) => x.deregisterTime === undefined);
      if (user && live.some((x) => x.iamUserArn === user))
        fail(
          'IamUserArnAlreadyRegisteredException',
          `The IAM user ARN ${user} is already registered with an on-premises instance.`,
        );
      if (session && live.some((x) => x.iamSessionArn === session))
        fail(
          'IamSessionArnAlreadyRegisteredException',
          `The IAM session ARN ${session} was already used to register an instance.`,
        );
      account.onPremises.push({
        instanceName: name,
        instanceArn: account.arn('instance', name),
        ...(user ? { iamUserArn: user } : { iamSessionArn: session }),
        registerTime: account.nowSec(),
        tags: [],
      });
      account.markDirty();
      return {};
    },

    /** The instance stays listed as Deregistered; deregistering an unknown name is no error. */
    DeregisterOnPremisesInstance: (i) => {
      const r = account.findInstance(instanceName(i.instanceName));
      if (r && r.deregisterTime === undefined) {
        r.deregisterTime = account.nowSec();
        account.markDirty();
      }
      return {};
    },

    GetOnPremisesInstance: (i) => {
      const name = instanceName(i.instanceName);
      const r = account.findInstance(name);
      if (!r) fail('InstanceNotRegisteredException', `The on-premises instance ${name} is not registered.`);
      return { instanceInfo: info(r) };
    },

    BatchGetOnPremisesInstances: (i) => {
      const names = i.instanceNames;
      if (!Array.isArray(names) || names.length === 0)
        fail('InstanceNameRequiredException', 'An on-premises instance name was not specified.');
      if (names.length > LIMITS.batchItems)
        fail(
          'BatchLimitExceededException',
          `The maximum number of names or IDs allowed for this request (${LIMITS.batchItems}) was exceeded.`,
        );
      const out: Json[] = [];
      for (const n of names) {
        const r = account.findInstance(instanceName(n));
        if (r) out.push(info(r));
      }
      return { instanceInfos: out };
    },

    ListOnPremisesInstances: (i) => {
      const status = optEnum(
        i.registrationStatus,
        REGISTRATION_STATUSES,
        'InvalidRegistrationStatusException',
        'The registration status must be Registered or Deregistered.',
      );
      const filterErr = 'InvalidTagFilterException';
      const filters = optObjList(i.tagFilters, filterErr, 'The tag filters were specified in an invalid format.') ?? [];
      for (const f of filters) {
        optStr(f.Key, filterErr, 'A tag filter Key must be a string.');
        optStr(f.Value, filterErr, 'A tag filter Value must be a string.');
        optEnum(
          f.Type,
          TAG_FILTER_TYPES,
          filterErr,
          `A tag filter Type must be one of ${TAG_FILTER_TYPES.join(', ')}.`,
        );
      }
      const names = account.onPremises
        .filter((r) => !status || (status === 'Registered') === (r.deregisterTime === undefined))
        .filter(
          (r) =>
            filters.length === 0 ||
            filters.some((f) =>
              r.tags.some((t) =>
                f.Type === 'KEY_ONLY'
                  ? t.Key === f.Key
                  : f.Type === 'VALUE_ONLY'
                    ? t.Value === f.Value
                    : t.Key === f.Key && t.Value === f.Value,
              ),
            ),
        )
        .map((r) => r.instanceName)
        .sort();
      const scope = JSON.stringify([status, filters]);
      return listAnswer('instanceNames', page('ListOnPremisesInstances', names, i.nextToken, scope));
    },

    AddTagsToOnPremisesInstances: (i) => {
      const tags = instanceTags(i.tags, true) as { Key: string; Value: string }[];
      const targets = instanceNames(i.instanceNames, LIMITS.instancesPerTagCall).map(registered);
      for (const r of targets) {
        const keys = new Set([...r.tags.map((t) => t.Key), ...tags.map((t) => t.Key)]);
        if (keys.size > LIMITS.instanceTags)
          fail('TagLimitExceededException', `An on-premises instance can have at most ${LIMITS.instanceTags} tags.`);
      }
      for (const r of targets) {
        for (const t of tags) {
          const existing = r.tags.find((x) => x.Key === t.Key);
          if (existing) existing.Value = t.Value;
          else r.tags.push({ ...t });
        }
      }
      account.markDirty();
      return {};
    },

    /** Removes the tags with that Key (and that Value, when one is given). */
    RemoveTagsFromOnPremisesInstances: (i) => {
      const tags = instanceTags(i.tags, false);
      const targets = instanceNames(i.instanceNames, LIMITS.instancesPerTagCall).map(registered);
      const hit = (t: { Key: string; Value: string }) =>
        tags.some((x) => x.Key === t.Key && (x.Value === undefined || x.Value === t.Value));
      for (const r of targets) r.tags = r.tags.filter((t) => !hit(t));
      account.markDirty();
      return {};
    },
  };
}
