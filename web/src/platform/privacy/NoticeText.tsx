import { useTranslation } from 'react-i18next';
import type { PrivacyNotice } from '../../api/public.ts';
import './NoticeText.css';

// The four things a consent notice must say (개인정보 보호법 §15②): items, use, retention, and the right to refuse.
export function NoticeText({ notice }: { notice: PrivacyNotice }) {
  const { t } = useTranslation();
  return (
    <dl className="notice-text">
      <div>
        <dt>{t('privacy.items')}</dt>
        <dd>{notice.items}</dd>
      </div>
      <div>
        <dt>{t('privacy.use')}</dt>
        <dd>{notice.use}</dd>
      </div>
      <div>
        <dt>{t('privacy.retention')}</dt>
        <dd>{notice.retention}</dd>
      </div>
      <div>
        <dt>{t('privacy.refusal')}</dt>
        <dd>{notice.required ? t('privacy.refusalRequired') : t('privacy.refusalOptional')}</dd>
      </div>
    </dl>
  );
}
