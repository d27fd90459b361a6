import type { Catalog } from '../../../platform/i18n/messages.ts';

export const messages: Catalog = {
  'errors.youth_profile_consent_required': {
    ko: '청년 프로필을 저장하려면 먼저 "청년 프로필을 이용한 정책 추천" 이용에 동의해 주십시오.',
    en: 'To save a youth profile, first agree to "Policy recommendations from a youth profile".',
  },
  'errors.youth_profile_required': {
    ko: '나에게 맞는 정책을 보려면 먼저 청년 프로필을 작성해 주십시오.',
    en: 'Fill in your youth profile first to see the policies that fit you.',
  },
};
