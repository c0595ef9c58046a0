import {
  AssociateIamInstanceProfileCommand,
  DisassociateIamInstanceProfileCommand,
  ReplaceIamInstanceProfileAssociationCommand,
  type IamInstanceProfileAssociation,
} from '@aws-sdk/client-ec2';
import { ec2Client } from '../../../aws/clients.ts';
import type { AssociationOperations, ProfileAssociation } from '../model/association.ts';
import { describeAssociationById, describeAssociationsOfInstances, toProfileAssociation } from './describe-associations.ts';

function required(association: IamInstanceProfileAssociation | undefined, operation: string): ProfileAssociation {
  if (!association?.AssociationId) throw new Error(`EC2 answered ${operation} without an association.`);
  return toProfileAssociation(association);
}

/**
 * AssociateIamInstanceProfile, ReplaceIamInstanceProfileAssociation and DisassociateIamInstanceProfile in a
 * region. Profiles are passed by name, as the guide's CLI commands do, so the CLI equivalent is the same call.
 */
export function associationOperations(region: string): AssociationOperations {
  const options = (signal?: AbortSignal) => ({ ...(signal ? { abortSignal: signal } : {}) });
  return {
    async associate(instanceId, profile, signal) {
      const output = await ec2Client(region).send(
        new AssociateIamInstanceProfileCommand({ InstanceId: instanceId, IamInstanceProfile: { Name: profile.name } }),
        options(signal),
      );
      return required(output.IamInstanceProfileAssociation, 'AssociateIamInstanceProfile');
    },
    async replace(associationId, profile, signal) {
      const output = await ec2Client(region).send(
        new ReplaceIamInstanceProfileAssociationCommand({ AssociationId: associationId, IamInstanceProfile: { Name: profile.name } }),
        options(signal),
      );
      return required(output.IamInstanceProfileAssociation, 'ReplaceIamInstanceProfileAssociation');
    },
    async disassociate(associationId, signal) {
      const output = await ec2Client(region).send(new DisassociateIamInstanceProfileCommand({ AssociationId: associationId }), options(signal));
      return required(output.IamInstanceProfileAssociation, 'DisassociateIamInstanceProfile');
    },
    describeAssociation: (associationId, signal) => describeAssociationById(region, associationId, signal),
    associationsOfInstance: (instanceId, signal) => describeAssociationsOfInstances(region, [instanceId], signal),
  };
}
