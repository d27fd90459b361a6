import type { TFunction } from 'i18next';

// Lines that hold several numbers at once ("3 statements · 1 participant · 1 vote"): each number
// is its own plural piece (deliberation.*Count_one / _other), so English never reads "1 votes".

export const deliberationCounts = (
  t: TFunction,
  d: { statements: number; participants: number; votes: number },
): string =>
  t('deliberation.counts', {
    statements: t('deliberation.statementCount', { count: d.statements }),
    participants: t('deliberation.participantCount', { count: d.participants }),
    votes: t('deliberation.voteCount', { count: d.votes }),
  });

export const mapSummary = (
  t: TFunction,
  m: { participants: number; votes: number; groups: number },
): string =>
  t('deliberation.mapSummary', {
    participants: t('deliberation.mapParticipants', { count: m.participants }),
    votes: t('deliberation.voteCount', { count: m.votes }),
    groups: t('deliberation.groupCount', { count: m.groups }),
  });
