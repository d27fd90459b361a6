// Errors of the Idempotency-Key handling, in Korean (합니다체) and English.
export const messages: Record<string, { ko: string; en: string }> = {
  'errors.idempotency_key_invalid': {
    ko: 'Idempotency-Key 헤더가 올바르지 않습니다. 공백 없는 영문·숫자·기호(ASCII) 1~255자로 한 번만 보내 주십시오.',
    en: 'The Idempotency-Key header is not valid. Send it once, as 1 to 255 visible ASCII characters without spaces.',
  },
  'errors.idempotency_key_reused': {
    ko: '이 Idempotency-Key는 다른 요청에 이미 쓰였습니다. 새 요청에는 새 키를 보내 주십시오.',
    en: 'This Idempotency-Key was already used for a different request. Send a new key with a new request.',
  },
  'errors.idempotency_in_progress': {
    ko: '같은 Idempotency-Key로 보낸 요청을 아직 처리하고 있습니다. {seconds}초 후에 다시 시도해 주십시오.',
    en: 'A request with the same Idempotency-Key is still being processed. Please try again in {seconds} seconds.',
  },
};
