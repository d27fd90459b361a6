import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import {
  BookingBody,
  type Resource,
  type SlotConflict,
  type SlotDay,
} from '../../../../contracts/booking.ts';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../../api/session.ts';
import { useFormMutation, useZodForm } from '../../forms/useZodForm.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { type Booking, bookSlot, calendarLink, useSlots } from './api.ts';
import { dayLabel, dayOf, shiftDate, timeOf, todayInSeoul } from './format.ts';
import { PhotoStrip } from './Photos.tsx';
import './booking.css';
import './messages.ts';

const DetailsForm = BookingBody.pick({ purpose: true, people: true });

// One room, desk or car: its rules, a day of slots (free ones are buttons), and the booking form.
export default function ResourcePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(search.get('date') ?? '')
    ? (search.get('date') as string)
    : todayInSeoul();
  const slots = useSlots(id, date);
  const [start, setStart] = useState<string | null>(null);
  const [booked, setBooked] = useState<Booking | null>(null);
  const setDate = (next: string) => {
    setStart(null);
    setSearch({ date: next }, { replace: true });
  };
  const title = slots.data?.resource.name ?? t('booking.title');
  return (
    <Page
      title={title}
      crumbs={[{ to: '/booking', label: t('booking.title') }]}
      lead={slots.data?.resource.placeName}
    >
      <QueryState query={slots} loading={{ lines: 6 }}>
        {(data) =>
          booked ? (
            <Confirmation booking={booked} onAnother={() => setBooked(null)} />
          ) : (
            <>
              <PhotoStrip
                photos={data.resource.photos}
                label={t('bookingPhotos.photos', { name: data.resource.name })}
              />
              <Rules resource={data.resource} />
              <div className="booking-day-nav">
                <Button variant="secondary" onClick={() => setDate(shiftDate(date, -1))}>
                  {t('booking.prevDay')}
                </Button>
                <TextField
                  label={t('booking.day')}
                  type="date"
                  value={date}
                  min={todayInSeoul()}
                  onChange={(e) => e.target.value && setDate(e.target.value)}
                />
                <Button variant="secondary" onClick={() => setDate(shiftDate(date, 1))}>
                  {t('booking.nextDay')}
                </Button>
              </div>
              <WeekStrip days={data.days} onPick={setDate} locale={i18n.language} />
              <DaySlots day={data.days[0]} start={start} onPick={setStart} locale={i18n.language} />
              <BookingForm
                resource={data.resource}
                day={data.days[0]}
                start={start}
                onBooked={setBooked}
                onPick={(s) => {
                  const d = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date(s));
                  if (d !== date) setSearch({ date: d }, { replace: true });
                  setStart(s);
                }}
              />
            </>
          )
        }
      </QueryState>
    </Page>
  );
}

function Rules({ resource: r }: { resource: Resource }) {
  const { t } = useTranslation();
  return (
    <details className="card">
      <summary>
        {t('booking.rules')}: {t(`booking.audience.${r.audience}`)} ·{' '}
        {t('booking.capacity', { count: r.capacity })}
      </summary>
      <ul>
        <li>{t('booking.ruleSlot', { minutes: r.slotMinutes })}</li>
        <li>{t('booking.ruleDay', { hours: r.maxMinutesPerDay / 60 })}</li>
        <li>{t('booking.ruleWeek', { count: r.maxBookingsPerWeek })}</li>
        <li>{t('booking.ruleWindow', { days: r.opensDaysAhead, minutes: r.closesMinutesBefore })}</li>
        <li>{r.approvalNeeded ? t('booking.ruleApproval') : t('booking.ruleInstant')}</li>
        <li>{t('booking.ruleCancel', { minutes: r.cancelDeadlineMinutes })}</li>
        <li>{t('booking.ruleNoShow', { minutes: r.noShowMinutes })}</li>
      </ul>
    </details>
  );
}

/** The seven days from the chosen one, each with how many times are still free: a tap opens that day. */
function WeekStrip({
  days,
  onPick,
  locale,
}: {
  days: SlotDay[];
  onPick: (date: string) => void;
  locale: string;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('booking.week')}>
      <ul className="booking-week">
        {days.map((d, i) => {
          const free = d.slots.filter((s) => s.state === 'free').length;
          return (
            <li key={d.date}>
              <button
                type="button"
                className="booking-slot"
                aria-current={i === 0 ? 'date' : undefined}
                onClick={() => onPick(d.date)}
              >
                <span>{dayLabel(d.date, locale)}</span>
                <small>
                  {d.closedReason ? t('booking.closedOn') : t('booking.freeCount', { count: free })}
                </small>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function DaySlots({
  day,
  start,
  onPick,
  locale,
}: {
  day: SlotDay;
  start: string | null;
  onPick: (start: string) => void;
  locale: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="booking-slots-title">
      <h2 id="booking-slots-title">{t('booking.slotsTitle', { day: dayLabel(day.date, locale) })}</h2>
      {day.closedReason ? (
        <Alert kind="info">{t('booking.closedDay', { reason: day.closedReason })}</Alert>
      ) : day.slots.length === 0 ? (
        <p className="note">{t('booking.noSlots')}</p>
      ) : (
        <ul className="booking-slots">
          {day.slots.map((s) => {
            const time = timeOf(s.start, locale);
            return (
              <li key={s.start}>
                <button
                  type="button"
                  className="booking-slot"
                  disabled={s.state !== 'free'}
                  aria-pressed={s.state === 'free' ? start === s.start : undefined}
                  onClick={() => onPick(s.start)}
                >
                  <span>{time}</span>
                  <small>{t(`booking.state.${s.state}`)}</small>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** How long a booking from `start` can run: whole slots, free in a row, within the day's limit. */
function lengthsFrom(resource: Resource, day: SlotDay, start: string): number[] {
  const i = day.slots.findIndex((s) => s.start === start);
  const out: number[] = [];
  for (let n = 1; i >= 0 && i + n <= day.slots.length; n++) {
    if (day.slots[i + n - 1].state !== 'free' || n * resource.slotMinutes > resource.maxMinutesPerDay) break;
    out.push(n * resource.slotMinutes);
  }
  return out;
}

function BookingForm({
  resource,
  day,
  start,
  onBooked,
  onPick,
}: {
  resource: Resource;
  day: SlotDay;
  start: string | null;
  onBooked: (b: Booking) => void;
  onPick: (start: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [minutes, setMinutes] = useState(resource.slotMinutes);
  const lengths = start ? lengthsFrom(resource, day, start) : [];
  const chosen = lengths.includes(minutes) ? minutes : (lengths[0] ?? resource.slotMinutes);
  const end = start ? new Date(new Date(start).getTime() + chosen * 60_000).toISOString() : null;
  const form = useZodForm(DetailsForm, { defaultValues: { purpose: '', people: 1 } });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (details: { purpose: string; people: number }) =>
      bookSlot({ resourceId: resource.id, start: start as string, end: end as string, ...details }),
    onSuccess: (booking) => onBooked(booking),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['booking'] }),
  });
  if (!me.isPending && !me.data)
    return (
      <Alert kind="info">
        {t('booking.signIn')}{' '}
        <Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>
          {t('shell.login')}
        </Link>
      </Alert>
    );
  const conflict =
    mutation.error instanceof ApiError && mutation.error.code === 'booking_taken'
      ? (mutation.error.details as SlotConflict | undefined)
      : undefined;
  return (
    <section aria-labelledby="booking-form-title">
      <h2 id="booking-form-title">{resource.approvalNeeded ? t('booking.request') : t('booking.submit')}</h2>
      {conflict ? (
        <Alert kind="warning">
          <p>{t('booking.taken')}</p>
          {conflict.nearest.length > 0 && (
            <>
              <p>{t('booking.nearest')}</p>
              <ul className="link-list">
                {conflict.nearest.map((p) => (
                  <li key={p.start}>
                    <Button
                      variant="tertiary"
                      onClick={() => {
                        mutation.reset();
                        onPick(p.start);
                      }}
                    >
                      {dayOf(p.start, i18n.language)} {timeOf(p.start, i18n.language)}–
                      {timeOf(p.end, i18n.language)}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Alert>
      ) : (
        <MutationAlert mutation={mutation} />
      )}
      {start && end ? (
        <form onSubmit={onSubmit} className="form" noValidate>
          <p aria-live="polite">
            {t('booking.chosen', {
              day: dayOf(start, i18n.language),
              from: timeOf(start, i18n.language),
              to: timeOf(end, i18n.language),
            })}
          </p>
          {lengths.length > 1 && (
            <SelectField
              label={t('booking.length')}
              value={String(chosen)}
              onChange={(e) => setMinutes(Number(e.target.value))}
            >
              {lengths.map((m) => (
                <option key={m} value={m}>
                  {t('booking.lengthOption', { minutes: m })}
                </option>
              ))}
            </SelectField>
          )}
          <TextField
            label={t('booking.purpose')}
            hint={t('booking.purposeHint')}
            required
            maxLength={200}
            error={form.formState.errors.purpose?.message}
            {...form.register('purpose')}
          />
          <TextField
            label={t('booking.people')}
            type="number"
            inputMode="numeric"
            min={1}
            max={resource.capacity}
            required
            error={form.formState.errors.people?.message}
            {...form.register('people', { valueAsNumber: true })}
          />
          <div className="button-row">
            <Button type="submit" disabled={mutation.isPending}>
              {resource.approvalNeeded ? t('booking.request') : t('booking.submit')}
            </Button>
          </div>
        </form>
      ) : (
        <p className="note">{t('booking.chooseFirst')}</p>
      )}
    </section>
  );
}

function Confirmation({ booking, onAnother }: { booking: Booking; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const requested = booking.status === 'requested';
  return (
    <section className="card" aria-labelledby="booking-done">
      <h2 id="booking-done" ref={heading} tabIndex={-1}>
        {requested ? t('booking.requestedTitle') : t('booking.confirmedTitle')}
      </h2>
      {requested && <p>{t('booking.requestedText')}</p>}
      <dl className="facts">
        <div>
          <dt>{t('booking.where')}</dt>
          <dd>
            {booking.placeName} · {booking.resourceName}
          </dd>
        </div>
        <div>
          <dt>{t('booking.when')}</dt>
          <dd>
            {dayOf(booking.start, i18n.language)} {timeOf(booking.start, i18n.language)}–
            {timeOf(booking.end, i18n.language)}
          </dd>
        </div>
        <div>
          <dt>{t('booking.purpose')}</dt>
          <dd>{booking.purpose}</dd>
        </div>
      </dl>
      <ul className="link-list">
        <li>
          <a href={calendarLink(booking.id)} download>
            {t('booking.addToCalendar')}
          </a>
        </li>
        <li>
          <Link to="/booking/mine">{t('booking.goMine')}</Link>
        </li>
      </ul>
      <Button variant="secondary" onClick={onAnother}>
        {t('booking.bookAnother')}
      </Button>
    </section>
  );
}
