/** What the signed-in member may do, from their role; the server enforces the same rules. */
import { useSession } from './session';

export function usePermissions() {
  const { data } = useSession();
  const role = data?.role ?? 'viewer';
  return {
    userId: data?.user.id ?? '',
    canWrite: role !== 'viewer',
    isAdmin: role === 'owner' || role === 'admin',
  };
}
