import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { StaffQueues } from '../../../contracts/staff.ts';
import { api } from './client.ts';

// The staff home: what waits for the signed-in staff member, queue by queue (labels in their language).
export type StaffQueue = z.infer<typeof StaffQueues>['items'][number];

export const useStaffQueues = (language: string) =>
  useQuery({
    queryKey: ['staff', 'queues', language],
    queryFn: () => api<z.infer<typeof StaffQueues>>('/api/v1/staff/queues'),
    // A queue changes as colleagues work it: read again when the person comes back to the page.
    staleTime: 0,
  });
