import { addMessages } from '../../i18n/bundle.ts';

// What the verification page says once a link has worked, by who is signed in in this browser.
const ko = {
  doneSignedOut: '{{email}} 계정의 이메일 인증을 마쳤습니다. 이제 로그인할 수 있습니다.',
  doneSame: '{{email}} 계정의 이메일 인증을 마쳤습니다. 이제 모든 기능을 쓸 수 있습니다.',
  doneOther: '{{email}} 계정의 이메일 인증을 마쳤습니다.',
  otherAccount:
    '지금 이 브라우저에는 다른 계정으로 로그인되어 있습니다. 인증한 계정으로 쓰려면 로그아웃한 뒤 그 계정으로 로그인하십시오.',
  toHome: '첫 화면으로',
};

const en: typeof ko = {
  doneSignedOut: 'The email address of the account {{email}} is verified. You can log in now.',
  doneSame: 'The email address of the account {{email}} is verified. Every feature is open to you now.',
  doneOther: 'The email address of the account {{email}} is verified.',
  otherAccount:
    'This browser is signed in to a different account. To use the verified account, log out and log in to it.',
  toHome: 'Go to the home page',
};

addMessages('verifyEmail', ko, en);
