import type { Catalog } from '../../../platform/i18n/messages.ts';

// Errors, audit words and the field words of polls (투표), in Korean and English.
export const messages: Catalog = {
  'errors.governance_poll_not_found': {
    ko: '투표를 찾을 수 없습니다.',
    en: 'The poll was not found.',
  },
  'errors.governance_poll_not_open': {
    ko: '지금은 투표할 수 없습니다. 투표 기간({opens} ~ {closes})을 확인해 주십시오.',
    en: 'Voting is not open now. It runs from {opens} to {closes}.',
  },
  'errors.governance_poll_already_voted': {
    ko: '이미 투표했습니다. 한 사람은 한 번만 투표할 수 있습니다.',
    en: 'You have already voted. Each person votes once.',
  },
  'errors.governance_poll_residents_only': {
    ko: '구민만 투표할 수 있습니다. 주민으로 등록된 계정으로 로그인해 주십시오.',
    en: 'Only residents of the district may vote. Please sign in with a resident account.',
  },
  'errors.governance_poll_verified_only': {
    ko: '이메일 인증을 마친 계정만 투표할 수 있습니다. 내 정보에서 인증을 마쳐 주십시오.',
    en: 'Only verified accounts may vote. Please verify your email address first.',
  },
  'errors.governance_poll_birth_date_needed': {
    ko: '나이 조건이 있는 투표입니다. 생년월일을 입력해 주십시오. 생년월일은 확인에만 쓰고 저장하지 않습니다.',
    en: 'This poll has an age limit. Please give your date of birth; it is only checked, never stored.',
  },
  'errors.governance_poll_age': {
    ko: '연령 조건(만 {range}세)에 해당하지 않아 투표할 수 없습니다.',
    en: 'You cannot vote: the poll is for ages {range}.',
  },
  'errors.governance_poll_choose_one': {
    ko: '하나만 골라 주십시오.',
    en: 'Choose exactly one option.',
  },
  'errors.governance_poll_choose_up_to': {
    ko: '최대 {max}개까지 고를 수 있습니다.',
    en: 'You may choose at most {max}.',
  },
  'errors.governance_poll_repeated_option': {
    ko: '같은 선택지를 두 번 고를 수 없습니다.',
    en: 'The same option cannot be chosen twice.',
  },
  'errors.governance_poll_unknown_option': {
    ko: '이 투표에 없는 선택지입니다. 화면을 새로 고친 뒤 다시 골라 주십시오.',
    en: 'That option is not part of this poll. Please reload the page and choose again.',
  },
  'errors.governance_poll_results_hidden': {
    ko: '결과는 투표가 끝난 뒤 공개합니다.',
    en: 'The results are published when voting closes.',
  },
  'errors.governance_poll_has_ballots': {
    ko: '이미 투표가 시작되어 선택지, 방식, 참여 조건과 시작 시각은 바꿀 수 없습니다. 제목, 설명, 마감 시각과 결과 공개 방식만 바꿀 수 있습니다.',
    en: 'Ballots have been cast: the options, kind, who may vote and the opening time can no longer change. Only the title, description, closing time and results visibility can.',
  },
  'errors.governance_poll_closed': {
    ko: '이미 끝난 투표입니다.',
    en: 'This poll has already closed.',
  },
  'audit.action.governance.poll.create': { ko: '투표 만들기', en: 'Poll created' },
  'audit.action.governance.poll.update': { ko: '투표 고치기', en: 'Poll changed' },
  'audit.action.governance.poll.close': { ko: '투표 일찍 마감', en: 'Poll closed early' },
  'audit.target.governance.poll': { ko: '투표', en: 'Poll' },
};
