import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { updateMe } from '../api/auth.ts';
import { useMe } from '../api/session.ts';
import { type Language, rememberLanguage } from '../i18n/index.ts';

const LANGUAGES: Array<{ code: Language; label: string }> = [
  { code: 'ko', label: '한국어' },
  { code: 'en', label: 'English' },
];

// 한국어 / English. Remembered in this browser and, when signed in, saved to the account.
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const choose = async (language: Language) => {
    if (language === i18n.language) return;
    rememberLanguage(language);
    await i18n.changeLanguage(language);
    // Texts that come from the server (notices, notifications, errors) follow the new language.
    await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    if (me.data) {
      try {
        const updated = await updateMe({ locale: language });
        queryClient.setQueryData(['me'], updated);
      } catch {
        // the choice still holds in this browser
      }
    }
  };
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('shell.language')}</legend>
      {LANGUAGES.map((l) => (
        <button
          key={l.code}
          type="button"
          lang={l.code}
          aria-pressed={i18n.language === l.code}
          onClick={() => choose(l.code)}
        >
          {l.label}
        </button>
      ))}
    </fieldset>
  );
}
