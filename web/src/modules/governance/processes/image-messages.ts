import { addMessages } from '../../../i18n/bundle.ts';

// Copy of a proposal's image (proposalImage.*): the form field, the authors' and staff's controls.
const ko = {
  legend: '사진(선택)',
  lead: '제안을 보여 주는 사진을 한 장 올릴 수 있습니다. JPEG, PNG, WebP 파일만 받으며 2MB 이하여야 합니다. 찍은 장소(GPS) 같은 정보는 저장하기 전에 지웁니다. 올린 사진은 누구나 볼 수 있으니 사람 얼굴이나 차 번호가 보이지 않게 해 주십시오.',
  file: '사진 파일',
  fileHint: 'JPEG, PNG, WebP 파일, 2MB 이하',
  fileMissing: '올릴 사진 파일을 고르십시오.',
  fileTooLarge: '사진 파일이 2MB보다 큽니다. 더 작은 파일을 골라 주십시오.',
  fileType: 'JPEG, PNG, WebP 사진만 올릴 수 있습니다.',
  altKo: '사진 설명(한국어)',
  altKoHint:
    '화면을 볼 수 없는 분께 읽어 주는 글입니다. 사진을 고르면 꼭 적어 주십시오. 예: 공원 입구의 부서진 벤치',
  altKoMissing: '사진 설명을 한국어로 적어 주십시오.',
  altEn: '사진 설명(영어, 선택)',
  altEnHint: '적지 않으면 영어 화면에도 한국어 설명이 나옵니다.',
  editTitle: '제안 사진',
  staffTitle: '제안 사진 관리(직원)',
  upload: '사진 올리기',
  replace: '사진 바꾸기',
  uploading: '올리는 중…',
  uploaded: '사진을 올렸습니다.',
  remove: '사진 지우기',
  removeTitle: '이 제안의 사진을 지울까요?',
  removeMessage: '지운 사진은 되살릴 수 없습니다.',
  removeStaffMessage: '운영 원칙에 따라 사진을 지웁니다. 지운 사진은 되살릴 수 없으며, 이 일은 기록됩니다.',
  removed: '사진을 지웠습니다.',
  uploadFailed: '제안은 올렸지만 사진은 올리지 못했습니다. 제안 화면에서 다시 올려 주십시오.',
};

const en: typeof ko = {
  legend: 'Photo (optional)',
  lead: 'You can add one photo that shows what the proposal is about. JPEG, PNG or WebP, up to 2 MB. Details such as where it was taken (GPS) are removed before it is saved. Everyone can see the photo, so keep faces and number plates out of it.',
  file: 'Photo file',
  fileHint: 'JPEG, PNG or WebP, up to 2 MB',
  fileMissing: 'Choose a photo file to upload.',
  fileTooLarge: 'The photo is larger than 2 MB. Please choose a smaller file.',
  fileType: 'Only JPEG, PNG and WebP photos can be uploaded.',
  altKo: 'Photo description (Korean)',
  altKoHint:
    'Read aloud to people who cannot see the screen. Required when you choose a photo. Example: a broken bench at the park entrance',
  altKoMissing: 'Please describe the photo in Korean.',
  altEn: 'Photo description (English, optional)',
  altEnHint: 'Without it, the Korean description is shown on the English pages too.',
  editTitle: 'Proposal photo',
  staffTitle: 'Proposal photo (staff)',
  upload: 'Upload photo',
  replace: 'Replace photo',
  uploading: 'Uploading…',
  uploaded: 'The photo is uploaded.',
  remove: 'Remove photo',
  removeTitle: 'Remove this proposal’s photo?',
  removeMessage: 'A removed photo cannot be restored.',
  removeStaffMessage:
    'The photo is removed under the site’s rules. It cannot be restored, and this is recorded.',
  removed: 'The photo is removed.',
  uploadFailed:
    'The proposal is posted, but the photo was not uploaded. Please upload it again on the proposal page.',
};

addMessages('proposalImage', ko, en);
