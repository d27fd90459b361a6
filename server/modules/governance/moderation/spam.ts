// A basic spam check for what residents post, and the posting rate: pure rules; the proposals
// feature counts its own rows and asks these.

/** At most this many proposals and comments (together) per account in POSTING_WINDOW_MINUTES. */
export const POSTING_LIMIT = 10;
export const POSTING_WINDOW_MINUTES = 10;

const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;
const MAX_LINKS = 3;
/** The same character this many times in a row (ㅋㅋㅋ… or !!!!…) is filler, not a message. */
const RUN = /(.)\1{29,}/u;

/** Why a text looks like spam, or null: too many links, or a long run of one character. */
export function spamReason(text: string): 'links' | 'repeated' | null {
  if ((text.match(LINK) ?? []).length > MAX_LINKS) return 'links';
  if (RUN.test(text)) return 'repeated';
  return null;
}
