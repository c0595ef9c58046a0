import type { QueryClient } from '@tanstack/react-query';
import { invalidateInstanceProfiles } from '../../../aws/iam-queries.ts';
import { roleInstanceKeys } from './keys.ts';

/** After a change to instance profiles: the profiles list (every feature's view of it) and who uses what. */
export async function invalidateProfiles(queryClient: QueryClient): Promise<void> {
  await Promise.all([invalidateInstanceProfiles(queryClient), queryClient.invalidateQueries({ queryKey: roleInstanceKeys.all() })]);
}
