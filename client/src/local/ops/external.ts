/**
 * Operations about resources the local account never has: GitHub account connections
 * (ListGitHubAccountTokenNames, DeleteGitHubAccountToken answer as for an account with none) and
 * resources created by an external tool such as CloudFormation (DeleteResourcesByExternalId).
 */
import { fail } from '../errors';
import { optStr } from '../input';
import { LIMITS } from '../limits';
import { page } from '../paging';
import { listAnswer, type Operations, type OpsContext } from './context';

export function externalOperations({ account }: OpsContext): Operations {
  return {
    ListGitHubAccountTokenNames: (i) =>
      listAnswer('tokenNameList', page('ListGitHubAccountTokenNames', [], i.nextToken)),

    DeleteGitHubAccountToken: (i) => {
      const name = optStr(
        i.tokenName,
        'InvalidGitHubAccountTokenNameException',
        'The format of the specified GitHub account connection name is invalid.',
        LIMITS.nameLength,
      );
      if (!name)
        fail(
          'GitHubAccountTokenNameRequiredException',
          'The call is missing a required GitHub account connection name.',
        );
      fail('GitHubAccountTokenDoesNotExistException', `No GitHub account connection exists with the name ${name}.`);
    },

    /** Deletes the deployments linked to the external id (only CloudFormation creates such links; none exist locally). */
    DeleteResourcesByExternalId: (i) => {
      const id = optStr(
        i.externalId,
        'SerializationException',
        'externalId must be a string.',
        LIMITS.externalIdLength,
      );
      if (id) {
        const before = account.state.deployments.length;
        account.state.deployments = account.state.deployments.filter((d) => d.info.externalId !== id);
        if (account.state.deployments.length !== before) account.markDirty();
      }
      return {};
    },
  };
}
