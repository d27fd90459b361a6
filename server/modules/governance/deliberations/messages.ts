import type { Catalog } from '../../../platform/i18n/messages.ts';

export const messages: Catalog = {
  'errors.governance_deliberation_not_found': {
    ko: '숙의 주제를 찾을 수 없습니다.',
    en: 'The deliberation was not found.',
  },
  'errors.governance_deliberation_closed': {
    ko: '마감된 숙의입니다. 더 이상 투표하거나 의견을 낼 수 없습니다.',
    en: 'This deliberation is closed: votes and statements are no longer taken.',
  },
  'errors.governance_statement_not_found': {
    ko: '의견을 찾을 수 없습니다.',
    en: 'The statement was not found.',
  },
  'errors.governance_busy': {
    ko: '요청이 몰려 처리하지 못했습니다. 잠시 후 다시 시도해 주십시오.',
    en: 'Too many requests at once. Please try again in a moment.',
  },
  'staff.queue.governance.statements': {
    ko: '검토를 기다리는 숙의 의견',
    en: 'Deliberation statements waiting for moderation',
  },
  'audit.action.governance.statement.accept': { ko: '숙의 의견 승인', en: 'Statement accepted' },
  'audit.action.governance.statement.accept_meta': {
    ko: '숙의 의견 승인(진행 관련 의견)',
    en: 'Statement accepted as a meta statement',
  },
  'audit.action.governance.statement.reject': { ko: '숙의 의견 거절', en: 'Statement rejected' },
  'audit.target.governance.statement': { ko: '숙의 의견', en: 'Deliberation statement' },
  'audit.action.governance.deliberation.export': {
    ko: '숙의 자료 내려받기(Pol.is 형식)',
    en: 'Deliberation data downloaded (Pol.is format)',
  },
  'audit.target.governance.deliberation': { ko: '숙의 주제', en: 'Deliberation' },
};
