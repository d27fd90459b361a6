import type { Catalog } from '../../../platform/i18n/messages.ts';

export const messages: Catalog = {
  'errors.governance_process_not_found': {
    ko: '참여 과정을 찾을 수 없습니다.',
    en: 'The participatory process was not found.',
  },
  'errors.governance_phase_order': {
    ko: '단계는 의제 발굴, 숙의, 선정, 실행, 평가 순서로 한 번씩만 넣고, 각 단계는 앞 단계가 끝난 뒤에 시작해야 합니다. 종료일은 시작일과 같거나 뒤여야 합니다.',
    en: 'Phases must follow the order agenda discovery, deliberation, selection, execution, evaluation, each at most once, each starting after the one before ends, and each ending on or after its start.',
  },
  'audit.action.governance.process.create': { ko: '참여 과정 만들기', en: 'Process created' },
  'audit.action.governance.process.update': { ko: '참여 과정 수정', en: 'Process edited' },
  'audit.target.governance.process': { ko: '참여 과정', en: 'Participatory process' },
};
