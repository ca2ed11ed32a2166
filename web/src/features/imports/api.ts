/** Server state for imports of contacts and companies. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { ImportDraft, ImportFormat, ImportJob, ImportTarget } from './types';

export function useUploadImport() {
  return useMutation({
    mutationFn: (input: { target: ImportTarget; format: ImportFormat; fileName: string; content: string }) =>
      api<ImportDraft>('/imports', { method: 'POST', body: input }),
  });
}

export function useStartImport(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { mapping: Record<string, string | null>; allowPartial: boolean }) =>
      api<unknown>(`/imports/${id}/start`, { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['imports', id] }),
  });
}

const POLL_MS = 700;

/** Polls the import while it runs; stops once it is done or failed. */
export function useImportJob(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['imports', id],
    queryFn: async () => {
      const job = await api<ImportJob>(`/imports/${id}`);
      if (job.status === 'done' && job.target === 'contacts') {
        void client.invalidateQueries({ queryKey: ['contacts'] });
        // A contacts import creates the companies its rows name.
        if (job.companiesCreated > 0) void client.invalidateQueries({ queryKey: ['companies'] });
      }
      // A renamed company's contacts show its new name.
      if (job.status === 'done' && job.target === 'companies') {
        void client.invalidateQueries({ queryKey: ['companies'] });
        if (job.updated > 0) void client.invalidateQueries({ queryKey: ['contacts'] });
      }
      return job;
    },
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data?.status === 'done' || q.state.data?.status === 'failed' ? false : POLL_MS),
  });
}
