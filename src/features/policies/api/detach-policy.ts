import {
  DeleteRolePermissionsBoundaryCommand,
  DeleteUserPermissionsBoundaryCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import type { AttachedEntity } from '../model/changes.ts';

/** Stops one entity from using the policy: Detach<Type>Policy, or Delete<Type>PermissionsBoundary for a boundary. */
export async function detachPolicyFromEntity(arn: string, entity: AttachedEntity): Promise<void> {
  const client = iamClient();
  if (entity.usage === 'PermissionsBoundary') {
    if (entity.type === 'role') await client.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: entity.name }));
    else if (entity.type === 'user') await client.send(new DeleteUserPermissionsBoundaryCommand({ UserName: entity.name }));
    else throw new Error('IAM groups cannot have a permissions boundary.');
    return;
  }
  if (entity.type === 'role') await client.send(new DetachRolePolicyCommand({ RoleName: entity.name, PolicyArn: arn }));
  else if (entity.type === 'user') await client.send(new DetachUserPolicyCommand({ UserName: entity.name, PolicyArn: arn }));
  else await client.send(new DetachGroupPolicyCommand({ GroupName: entity.name, PolicyArn: arn }));
}
