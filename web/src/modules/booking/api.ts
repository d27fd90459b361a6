import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  BlockBody,
  Booking,
  BookingBody,
  BookingList,
  CheckinResult,
  MySuspension,
  PlaceList,
  Slots,
  StaffAppealList,
  StaffBookingBody,
  StaffBookingList,
  Suspension,
} from '../../../../contracts/booking.ts';
import type { KioskResult } from '../../../../contracts/booking-kiosk.ts';
import { api } from '../../api/client.ts';

// The booking API (issue 10): places and slots are public, bookings the signed-in person's own.
export type { Booking, Slots };

export function usePlaces() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['booking', 'places', i18n.language],
    queryFn: () => api<PlaceList>('/api/v1/booking/places'),
  });
}

/** A week of slots from the date (the day view shows the first day, the week strip all seven). */
export function useSlots(resourceId: string, date: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['booking', 'slots', resourceId, date, i18n.language],
    queryFn: () =>
      api<Slots>(`/api/v1/booking/resources/${encodeURIComponent(resourceId)}/slots?date=${date}&days=7`),
  });
}

export const useMyBookings = () =>
  useQuery({
    queryKey: ['booking', 'mine'],
    queryFn: () => api<BookingList>('/api/v1/booking/bookings/mine'),
  });

export const useWaitingBookings = () =>
  useQuery({
    queryKey: ['booking', 'staff', 'waiting'],
    queryFn: () => api<StaffBookingList>('/api/v1/booking/staff/waiting'),
  });

export const useResourceBookings = (resourceId: string, from: string) =>
  useQuery({
    enabled: resourceId !== '',
    queryKey: ['booking', 'staff', 'resource', resourceId, from],
    queryFn: () =>
      api<StaffBookingList>(
        `/api/v1/booking/staff/resources/${encodeURIComponent(resourceId)}/bookings?from=${from}&days=1`,
      ),
  });

export const bookForPerson = (body: StaffBookingBody) =>
  api<{ id: string; status: 'confirmed' }>('/api/v1/booking/staff/bookings', { method: 'POST', body });

export const blockPeriod = (body: BlockBody) =>
  api<{ id: string }>('/api/v1/booking/staff/blocks', { method: 'POST', body });

export const bookSlot = (body: BookingBody) =>
  api<Booking>('/api/v1/booking/bookings', { method: 'POST', body, idempotent: true });

export const cancelBooking = (id: string) =>
  api<Booking>(`/api/v1/booking/bookings/${encodeURIComponent(id)}/cancel`, { method: 'POST' });

export const approveBooking = (id: string) =>
  api<{ ok: true }>(`/api/v1/booking/staff/bookings/${encodeURIComponent(id)}/approve`, { method: 'POST' });

export const staffCancelBooking = (id: string, reason: string) =>
  api<{ ok: true }>(`/api/v1/booking/staff/bookings/${encodeURIComponent(id)}/cancel`, {
    method: 'POST',
    body: { reason },
  });

export const calendarLink = (id: string) => `/api/v1/booking/bookings/${encodeURIComponent(id)}/calendar.ics`;

// Check-in, suspension and appeals.
export type { CheckinResult, Suspension };

export const useMySuspension = () =>
  useQuery({
    queryKey: ['booking', 'suspension'],
    queryFn: () => api<MySuspension>('/api/v1/booking/suspension/mine'),
  });

export const appealSuspension = (text: string) =>
  api<Suspension>('/api/v1/booking/suspension/appeal', { method: 'POST', body: { text } });

/** Today's confirmed bookings of a place (or all places) for roll call. */
export const useToday = (placeId: string) =>
  useQuery({
    queryKey: ['booking', 'staff', 'today', placeId],
    queryFn: () =>
      api<StaffBookingList>(
        `/api/v1/booking/staff/today${placeId ? `?placeId=${encodeURIComponent(placeId)}` : ''}`,
      ),
  });

export const checkInByCode = (code: string) =>
  api<CheckinResult>('/api/v1/booking/staff/check-in', { method: 'POST', body: { code } });

/** A place's kiosk: a room-booking or program-session code of that place (masked name back). */
export const kioskCheckIn = ({ placeId, code }: { placeId: string; code: string }) =>
  api<KioskResult>(`/api/v1/booking/kiosk/${encodeURIComponent(placeId)}/check-in`, {
    method: 'POST',
    body: { code },
  });

export const checkInById = (id: string) =>
  api<CheckinResult>(`/api/v1/booking/staff/bookings/${encodeURIComponent(id)}/check-in`, {
    method: 'POST',
  });

export const useAppeals = () =>
  useInfiniteQuery({
    queryKey: ['booking', 'staff', 'appeals'],
    queryFn: ({ pageParam }) =>
      api<StaffAppealList>(
        `/api/v1/booking/staff/appeals${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last: StaffAppealList) => last.nextCursor ?? undefined,
  });

export const decideAppeal = (id: string, lift: boolean, reason: string) =>
  api<{ ok: true }>(
    `/api/v1/booking/staff/suspensions/${encodeURIComponent(id)}/${lift ? 'lift' : 'reject'}`,
    { method: 'POST', body: { reason } },
  );
