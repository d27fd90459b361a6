// An SMS / 카카오 알림톡 provider. A real one (an 알림톡 relay with SMS fallback) implements send();
// the record provider keeps messages in sms_messages only, for the demo and tests.
export interface SmsMessage {
  to: string;
  body: string;
  /** The kind of notification, for providers that pick an approved 알림톡 template by it. */
  kind: string;
}

export interface SmsProvider {
  /** Stored with each message ('record', 'kakao-alimtalk', …). */
  name: string;
  /** Throws to have the outbox retry later. */
  send(message: SmsMessage): Promise<void>;
}

export const recordProvider: SmsProvider = {
  name: 'record',
  async send() {
    // The sms_messages row written before sending is the whole delivery.
  },
};
