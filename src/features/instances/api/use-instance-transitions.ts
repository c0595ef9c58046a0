import { useMemo } from 'react';
import { useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { describeInstancesById, instanceQueries, isTransitional, patchInstancePages, type InstancesPage } from './describe-instances.ts';
import { ec2Keys } from './keys.ts';

const POLL_MS = 5_000;

/**
 * While listed instances are between states (pending, stopping, shutting-down), re-reads only those every 5 s and
 * puts them into the cached list, so a region of 10,000 instances is not listed again for a few that change.
 * `listSettled` is false while list pages are still loading: a patch then would race with the next page.
 */
export function useInstanceTransitions(region: string, list: InfiniteData<InstancesPage, unknown> | undefined, listSettled: boolean): void {
  const queryClient = useQueryClient();
  const transitionalIds = useMemo(
    () => (list?.pages ?? []).flatMap((page) => page.instances.filter((instance) => isTransitional(instance.state)).map((instance) => instance.instanceId)),
    [list],
  );
  useQuery({
    queryKey: [...ec2Keys.instances(region), 'transitions', transitionalIds.join(',')] as const,
    queryFn: async ({ signal }) => {
      const refreshed = await describeInstancesById(region, transitionalIds, signal);
      queryClient.setQueryData(instanceQueries.list(region).queryKey, (data) => data && patchInstancePages(data, transitionalIds, refreshed));
      return refreshed.length;
    },
    enabled: listSettled && transitionalIds.length > 0,
    // The list has just read these instances: the first re-read waits one interval, like the ones after it.
    initialData: 0,
    initialDataUpdatedAt: () => Date.now(),
    staleTime: POLL_MS,
    refetchInterval: POLL_MS,
  });
}
