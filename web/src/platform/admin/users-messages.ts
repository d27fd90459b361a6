import { addMessages } from '../../i18n/bundle.ts';

// Copy of the people search on the admin Users page. Korean first.
const ko = {
  search: '이름 또는 이메일 주소',
  searchHint:
    '이름은 일부만 넣어도 찾습니다. 이메일 주소는 주소 전체가 일치해야 찾습니다(대소문자 구분 없음).',
  reason: '찾는 사유',
  reasonHint: '예: 민원 응대. 찾을 때마다 보이는 사람마다 사유와 함께 개인정보 접속기록에 남습니다.',
  staffNote: '회원 검색은 관리자만 할 수 있습니다. 직원은 가려진 목록만 볼 수 있습니다.',
};
const en: typeof ko = {
  search: 'Name or email address',
  searchHint:
    'A name matches in part. An email address matches only when the whole address is given (in any case).',
  reason: 'Reason for the search',
  reasonHint:
    'For example: answering an enquiry. Each search records every person it shows, with this reason, in the personal-data access log.',
  staffNote: 'Only admins can search for people. Staff see the masked list only.',
};

addMessages('adminUsers', ko, en);
