import type { Catalog } from '../i18n/messages.ts';

export const messages: Catalog = {
  'errors.not_installed': {
    ko: '설치가 끝나지 않았습니다. 관리자가 기관과 첫 관리자 계정을 만들어야 합니다(npm run cli -- org add …, npm run cli -- user add …).',
    en: 'The installation is not finished: an administrator must create the organization and the first admin account (npm run cli -- org add …, npm run cli -- user add …).',
  },
  'errors.no_organization': {
    ko: '이 주소를 맡은 기관이 없습니다. 관리자에게 문의해 주십시오.',
    en: 'No organization serves this address. Please contact the administrator.',
  },
};
