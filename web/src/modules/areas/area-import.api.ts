import { areaImportsApi } from '@lianxin/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upload } from '../../api/client';
import { areasKey } from './areas.api';

/** Sends the area list as it is: checked only (the plan), or written when `apply` and clean. */
export function useAreaImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, apply }: { file: File; apply: boolean }) =>
      upload(
        areaImportsApi.upload,
        { query: { dryRun: apply ? 'false' : 'true', fileName: file.name } },
        file,
      ),
    onSuccess: (plan) => {
      if (plan.applied) return queryClient.invalidateQueries({ queryKey: areasKey });
    },
  });
}
