import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createInstanceProfileForRole, type CreateInstanceProfileRequest } from '../../../aws/create-instance-profile.ts';
import { invalidateProfiles } from './invalidate.ts';

/** createInstanceProfileForRole; afterwards the profile lists and who uses which profile reload. */
export function useCreateInstanceProfileForRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateInstanceProfileRequest) => createInstanceProfileForRole(request),
    onSettled: () => invalidateProfiles(queryClient),
  });
}
