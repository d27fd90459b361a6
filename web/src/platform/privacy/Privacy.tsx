import { useTranslation } from 'react-i18next';
import { useNotices } from '../../api/public.ts';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { NoticeText } from './NoticeText.tsx';

export function Privacy() {
  const { t } = useTranslation();
  const notices = useNotices();
  return (
    <Page title={t('privacy.title')} lead={t('privacy.lead')}>
      <QueryState query={notices}>
        {(data) =>
          data.items.map((n) => (
            <section key={n.purpose} className="section" aria-labelledby={`notice-${n.purpose}`}>
              <h2 id={`notice-${n.purpose}`}>
                {n.title}{' '}
                <span className="badge">{n.required ? t('common.required') : t('common.optional')}</span>
              </h2>
              <NoticeText notice={n} />
              <p className="note">{t('privacy.version', { version: n.version })}</p>
            </section>
          ))
        }
      </QueryState>
    </Page>
  );
}
