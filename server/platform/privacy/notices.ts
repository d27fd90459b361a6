// The purposes for which we collect personal data, each with the notice a person agrees to.
// Changing a notice's text means a new version; consents record the version they were given on.
export interface PrivacyPurpose {
  purpose: string;
  required: boolean;
  version: string;
  title: { ko: string; en: string };
  items: { ko: string; en: string }; // what is collected
  use: { ko: string; en: string }; // what for
  retention: { ko: string; en: string };
}

export const PRIVACY_PURPOSES: PrivacyPurpose[] = [
  {
    purpose: 'account',
    required: true,
    version: '2026-11-01',
    title: { ko: '회원 가입과 계정 관리(필수)', en: 'Account registration and management (required)' },
    items: {
      ko: '이메일 주소, 비밀번호(암호화하여 저장), 이름 또는 별명',
      en: 'Email address, password (stored hashed), name or nickname',
    },
    use: {
      ko: '본인 확인, 로그인, 서비스 안내와 문의 응답',
      en: 'Identifying you, signing in, service notices and answering your questions',
    },
    retention: {
      ko: '회원 탈퇴 시까지(탈퇴하면 지체 없이 파기합니다)',
      en: 'Until you delete your account (then destroyed without delay)',
    },
  },
  {
    purpose: 'notifications',
    required: false,
    version: '2026-11-01',
    title: { ko: '맞춤 알림 수신(선택)', en: 'Personalised notifications (optional)' },
    items: { ko: '이메일 주소, 알림 수신 설정', en: 'Email address, notification settings' },
    use: {
      ko: '정책·행사·신청 마감 등 맞춤 알림 발송',
      en: 'Sending notifications about policies, events and deadlines that fit you',
    },
    retention: {
      ko: '동의를 철회하거나 탈퇴할 때까지',
      en: 'Until you withdraw consent or delete your account',
    },
  },
  {
    purpose: 'youth_profile',
    required: false,
    version: '2026-11-01',
    title: {
      ko: '청년 프로필을 이용한 정책 추천(선택)',
      en: 'Policy recommendations from a youth profile (optional)',
    },
    items: {
      ko: '생년월일, 거주 지역, 취업 상태, 학력, 관심 분야',
      en: 'Date of birth, area of residence, employment, education, interests',
    },
    use: { ko: '나에게 맞는 청년 정책 찾기와 알림', en: 'Finding youth policies that fit you, and alerts' },
    retention: {
      ko: '동의를 철회하거나 탈퇴할 때까지',
      en: 'Until you withdraw consent or delete your account',
    },
  },
];

export const purposeOf = (purpose: string) => PRIVACY_PURPOSES.find((p) => p.purpose === purpose);
