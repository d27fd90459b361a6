import { addMessages } from '../../../i18n/bundle.ts';

// Copy of the author's own changes to a proposal (proposalAuthor.*): editing and withdrawing (철회).
const ko = {
  withdrawn: '작성자가 철회한 제안입니다',
  withdrawnOn:
    '{{day}}에 철회했습니다. 더는 공감, 댓글, 수정 제안을 받지 않으며 제안 목록과 검색에 나오지 않습니다.',
  edited: '작성자가 {{day}}에 고쳤습니다.',
  title: '내 제안 고치기와 철회',
  editRule:
    '다른 주민이 공감하기 전, 제안을 받는 단계에서만 제목과 내용을 고칠 수 있습니다. 공식 답변이 등록되면 고칠 수 없습니다.',
  editClosed: '다른 주민이 공감했거나 제안을 받는 단계가 끝나 이제는 고칠 수 없습니다.',
  edit: '제안 고치기',
  cancel: '고치지 않기',
  save: '고친 내용 저장',
  saved: '제안을 고쳤습니다.',
  withdraw: '제안 철회하기',
  withdrawTitle: '이 제안을 철회할까요?',
  withdrawMessage:
    '철회한 제안은 되돌릴 수 없습니다. 제안 화면에는 철회했다는 안내와 함께 남고, 목록과 검색에서는 빠지며, 더는 공감을 받지 않습니다. 사진은 더 이상 보이지 않습니다.',
  withdrawnToast: '제안을 철회했습니다.',
  answerWithdrawn: '작성자가 철회한 제안에는 답변할 수 없습니다.',
};

const en: typeof ko = {
  withdrawn: 'Withdrawn by its author',
  withdrawnOn:
    'Withdrawn on {{day}}. It takes no more supports, comments or amendments and is not in the proposal list or the search.',
  edited: 'Edited by its author on {{day}}.',
  title: 'Edit or withdraw your proposal',
  editRule:
    'You can change the title and text while proposals are taken and before other residents support it. Once there is an official answer it cannot be changed.',
  editClosed:
    'Other residents support it now, or proposals are no longer taken, so it can no longer be edited.',
  edit: 'Edit proposal',
  cancel: 'Cancel editing',
  save: 'Save changes',
  saved: 'Your proposal is updated.',
  withdraw: 'Withdraw proposal',
  withdrawTitle: 'Withdraw this proposal?',
  withdrawMessage:
    'A withdrawal cannot be undone. The proposal stays at its address with a notice that you withdrew it, leaves the list and the search, and takes no more supports. Its photo is no longer shown.',
  withdrawnToast: 'Your proposal is withdrawn.',
  answerWithdrawn: 'This proposal was withdrawn by its author; it cannot be answered.',
};

addMessages('proposalAuthor', ko, en);
