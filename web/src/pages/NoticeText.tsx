import { useTranslation } from 'react-i18next';
import type { Notice } from '../api/types.ts';

// The four things a consent notice must say (개인정보 보호법 §15②): items, use, retention, and the right to refuse.
export function NoticeText({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const items = Array.isArray(notice.items) ? notice.items.join(', ') : notice.items;
  return (
    <dl className="notice-text">
      <div>
        <dt>{t('privacy.items')}</dt>
        <dd>{items}</dd>
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
