import type { i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

// Counted words in English agree with their number through i18next's plural keys (_one / _other):
// "1 support", "2 supports". Korean has one form and reads the same either way.

const cases: Array<[string, Record<string, unknown>, string, string]> = [
  ['process.supports', {}, '1 support', '2 supports'],
  ['process.comments', {}, '1 comment', '2 comments'],
  ['process.proposalCount', {}, '1 proposal', '2 proposals'],
  ['process.supportCount', { threshold: 5 }, '1 support (review at 5)', '2 supports (review at 5)'],
  ['debate.comments', {}, '1 comment', '2 comments'],
  ['poll.votes', {}, '1 vote', '2 votes'],
  ['deliberation.statementCount', {}, '1 statement', '2 statements'],
  ['deliberation.participantCount', {}, '1 participant', '2 participants'],
  ['deliberation.voteCount', {}, '1 vote', '2 votes'],
  ['deliberation.mapParticipants', {}, '1 participant', '2 participants'],
  ['deliberation.groupCount', {}, '1 opinion group', '2 opinion groups'],
  ['deliberation.groupSize', {}, '1 person', '2 people'],
  ['govProject.members', {}, '1 working group member', '2 working group members'],
  ['govProject.followers', {}, '1 person following', '2 people following'],
  ['booking.capacity', {}, 'Up to 1 person', 'Up to 2 people'],
  ['booking.ruleWeek', {}, 'At most 1 booking a week', 'At most 2 bookings a week'],
  [
    'moderation.mine.appealTooShort',
    {},
    'Please write at least 1 character.',
    'Please write at least 2 characters.',
  ],
];

describe('English plurals in the governance and booking copy', () => {
  let i18n: I18n;
  beforeAll(async () => {
    // The web's i18n sets <html lang>; in Node there is no page, so it gets an element to set.
    (globalThis as { document?: unknown }).document ??= { documentElement: { lang: '' } };
    i18n = (await import('../web/src/i18n/index.ts')).default;
    await import('../web/src/modules/booking/messages.ts');
    await import('../web/src/modules/governance/debates/messages.ts');
    await import('../web/src/modules/governance/messages.ts');
    await import('../web/src/modules/governance/moderation/messages.ts');
    await import('../web/src/modules/governance/polls/messages.ts');
    await import('../web/src/modules/governance/processes/messages.ts');
    await import('../web/src/modules/governance/projects/messages.ts');
    await i18n.changeLanguage('en');
  });

  it.each(cases)('%s reads one and many', (key, extra, one, many) => {
    const t = i18n.getFixedT('en');
    expect(t(key, { ...extra, count: 1 })).toBe(one);
    expect(t(key, { ...extra, count: 2 })).toBe(many);
  });

  it('lines with several numbers count each one on its own', async () => {
    const { deliberationCounts, mapSummary } = await import('../web/src/modules/governance/counts.ts');
    const en = i18n.getFixedT('en');
    const ko = i18n.getFixedT('ko');
    expect(deliberationCounts(en, { statements: 1, participants: 1, votes: 1 })).toBe(
      '1 statement · 1 participant · 1 vote',
    );
    expect(deliberationCounts(en, { statements: 12, participants: 1, votes: 2 })).toBe(
      '12 statements · 1 participant · 2 votes',
    );
    expect(mapSummary(en, { participants: 1, votes: 1, groups: 1 })).toBe(
      '1 participant, 1 vote, 1 opinion group',
    );
    expect(mapSummary(en, { participants: 30, votes: 1, groups: 3 })).toBe(
      '30 participants, 1 vote, 3 opinion groups',
    );
    expect(deliberationCounts(ko, { statements: 1, participants: 2, votes: 3 })).toBe(
      '의견 1개 · 참여 2명 · 투표 3표',
    );
    expect(mapSummary(ko, { participants: 30, votes: 1, groups: 3 })).toBe(
      '참여자 30명, 투표 1표, 의견 모임 3개',
    );
  });

  it('Korean keeps its single form', () => {
    const t = i18n.getFixedT('ko');
    expect(t('process.supports', { count: 1 })).toBe('공감 1');
    expect(t('process.supports', { count: 2 })).toBe('공감 2');
    expect(t('poll.votes', { count: 1 })).toBe('1표');
  });
});
