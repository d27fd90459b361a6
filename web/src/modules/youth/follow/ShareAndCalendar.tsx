import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deadlineCalendarUrl, type PolicyDetail } from '../../../api/youth.ts';
import { Button } from '../../../ui/Button.tsx';
import './follow.css';
import './messages.ts';

const todayInSeoul = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());

/** Whether the server's .ics has an event: a published policy with a round ending today or later. */
export function hasUpcomingDeadline(p: PolicyDetail, today = todayInSeoul()): boolean {
  return (
    p.workflowStatus === 'published' &&
    p.applyPeriodKind === 'dates' &&
    p.rounds.some((r) => r.endsOn >= today)
  );
}

/** Share (the system share sheet where there is one, else copy the address) and the deadline as .ics. */
export function ShareAndCalendar({ p }: { p: PolicyDetail }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const share = async () => {
    const url = `${window.location.origin}/youth/policies/${p.id}`;
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: t('youthFollow.shareTitle', { title: p.title }), url });
        return;
      } catch (err) {
        if ((err as Error).name === 'AbortError') return; // the person closed the share sheet
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setMessage(t('youthFollow.copied'));
    } catch {
      setMessage(t('youthFollow.copyFailed', { url }));
    }
  };
  const calendar = hasUpcomingDeadline(p);
  return (
    <>
      <div className="button-row youth-share">
        <Button variant="tertiary" onClick={share}>
          {t('youthFollow.share')}
        </Button>
        {calendar && (
          <a className="btn btn-tertiary" href={deadlineCalendarUrl(p.id)} download>
            {t('youthFollow.calendar')}
          </a>
        )}
      </div>
      <p role="status" className="youth-follow-status">
        {message}
      </p>
      {calendar && <p className="note">{t('youthFollow.calendarHint')}</p>}
    </>
  );
}
