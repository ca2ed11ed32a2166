/** Server state for My day: the signed-in member's tasks and the dates coming up. */
import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import { timeZone } from '../../lib/format';
import type { MyDay } from './types';

export function useMyDay() {
  return useQuery({ queryKey: ['my-day'], queryFn: () => api<MyDay>(`/my-day${query({ tz: timeZone() })}`) });
}
