/** Server state for the workspaces a person creates. */
import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface CreatedWorkspace {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
}

/** A workspace owned by the signed-in person; the key makes a submit retried after a lost answer create it once. */
export function useCreateWorkspace() {
  return useMutation({
    mutationFn: ({ name, idempotencyKey }: { name: string; idempotencyKey: string }) =>
      api<CreatedWorkspace>('/workspaces', { method: 'POST', body: { name }, headers: { 'idempotency-key': idempotencyKey } }),
  });
}
