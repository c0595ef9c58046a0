import type { QueryClient } from '@tanstack/react-query';
import { profileKeys, roleInstanceKeys, roleKeys } from './keys.ts';

/** After a change to one role: its page, the roles list (and every other roles query, e.g. the EC2 pages'). */
export function invalidateRole(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: roleKeys.all() });
}

/** After a change to instance profiles: the profile maps (ours and the EC2 drop-down's) and who uses what. */
export async function invalidateProfiles(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: profileKeys.all() }),
    queryClient.invalidateQueries({ queryKey: roleKeys.all() }),
    queryClient.invalidateQueries({ queryKey: roleInstanceKeys.all() }),
  ]);
}
