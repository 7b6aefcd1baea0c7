/** CreateDeploymentConfig, GetDeploymentConfig, ListDeploymentConfigs, DeleteDeploymentConfig. */
import { checkName } from '../account';
import { CONFIG_INPUT_MEMBERS, checkConfigShape } from '../configInput';
import { COMPUTE_PLATFORMS } from '../enums';
import { fail } from '../errors';
import { optEnum, pick } from '../input';
import { LIMITS } from '../limits';
import { page } from '../paging';
import { listAnswer, type Operations, type OpsContext } from './context';

const PREDEFINED = 'CodeDeployDefault.';

const configName = (v: unknown) =>
  checkName(
    v,
    LIMITS.nameLength,
    'DeploymentConfigNameRequiredException',
    'InvalidDeploymentConfigNameException',
    'deployment configuration name',
  );

export function configOperations({ account, engine }: OpsContext): Operations {
  return {
    CreateDeploymentConfig: (i) => {
      const name = configName(i.deploymentConfigName);
      if (name.startsWith(PREDEFINED))
        fail('InvalidDeploymentConfigNameException', `Deployment configuration names cannot start with ${PREDEFINED}`);
      const platform =
        optEnum(
          i.computePlatform,
          COMPUTE_PLATFORMS,
          'InvalidComputePlatformException',
          'The computePlatform is invalid. The computePlatform should be Lambda, Server, or ECS.',
        ) ?? 'Server';
      checkConfigShape(i, platform);
      if (account.findConfig(name))
        fail(
          'DeploymentConfigAlreadyExistsException',
          `A deployment configuration with the name ${name} already exists.`,
        );
      const id = account.addConfig({ ...pick(i, CONFIG_INPUT_MEMBERS), computePlatform: platform });
      return { deploymentConfigId: id };
    },

    GetDeploymentConfig: (i) => ({ deploymentConfigInfo: structuredClone(account.config(i.deploymentConfigName)) }),

    ListDeploymentConfigs: (i) => {
      const names = account.state.configs.map((c) => String(c.deploymentConfigName)).sort();
      return listAnswer('deploymentConfigsList', page('ListDeploymentConfigs', names, i.nextToken));
    },

    /** A predefined configuration, or one a group or running deployment uses, cannot be deleted; an unknown one is no error. */
    DeleteDeploymentConfig: (i) => {
      const name = configName(i.deploymentConfigName);
      if (name.startsWith(PREDEFINED))
        fail('InvalidOperationException', `The predefined deployment configuration ${name} cannot be deleted.`);
      const user = account.state.groups.find((g) => g.info.deploymentConfigName === name);
      if (user)
        fail(
          'DeploymentConfigInUseException',
          `The deployment configuration ${name} is still in use by deployment group ${user.info.applicationName}/${user.info.deploymentGroupName}.`,
        );
      const running = account.state.deployments.find(
        (d) => d.info.deploymentConfigName === name && engine.simulator.isActive(d),
      );
      if (running)
        fail(
          'DeploymentConfigInUseException',
          `The deployment configuration ${name} is still in use by deployment ${running.info.deploymentId}.`,
        );
      account.state.configs = account.state.configs.filter((c) => c.deploymentConfigName !== name);
      account.markDirty();
      return {};
    },
  };
}
