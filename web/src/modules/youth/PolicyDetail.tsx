import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../../api/session.ts';
import { type PolicyDetail, useEligibilityForProfile, usePolicy, useYouthProfile } from '../../api/youth.ts';
import { NotFound } from '../../shell/NotFound.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { pick } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { SEOUL_DISTRICTS, YEONGDEUNGPO } from './codes.ts';
import { formatDate } from './dates.ts';
import { FollowButtons, type FollowTarget } from './follow/FollowButtons.tsx';
import { ShareAndCalendar } from './follow/ShareAndCalendar.tsx';
import { Deadline, RuleList, StatusBadge } from './parts.tsx';
import { PolicyQuestions } from './questions/PolicyQuestions.tsx';
import './youth.css';

const crumbsOf = (t: (k: string) => string) => [
  { to: '/youth', label: t('nav.youth') },
  { to: '/youth/policies', label: t('youth.list.title') },
];

export default function PolicyDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const policy = usePolicy(id);
  if (policy.error instanceof ApiError && (policy.error.status === 404 || policy.error.status === 400))
    return <NotFound />;
  if (!policy.data)
    return (
      <Page title={t('youth.detail.loadingTitle')} crumbs={crumbsOf(t)}>
        <QueryState query={policy}>{() => null}</QueryState>
      </Page>
    );
  return <Detail p={policy.data} />;
}

function Detail({ p }: { p: PolicyDetail }) {
  const { t } = useTranslation();
  return (
    <Page title={p.title} crumbs={crumbsOf(t)}>
      <p className="youth-meta">
        <StatusBadge status={p.status} />
        {p.fieldMajor && <span className="badge">{p.fieldMajor}</span>}
        {p.fieldMinor && <span className="badge">{p.fieldMinor}</span>}
      </p>
      <dl className="facts">
        <Fact label={t('youth.deadline')}>
          <Deadline deadline={p.deadline} status={p.status} />
        </Fact>
        <Fact label={t('youth.operator')}>{p.operator}</Fact>
        <Fact label={t('youth.detail.supervisor')}>{p.supervisor}</Fact>
        <Fact label={t('youth.detail.keywords')}>{p.keywords.join(', ')}</Fact>
        <Fact label={t('youth.detail.policyNumber')}>{p.externalId}</Fact>
      </dl>
      <Section id="follow" title={t('youthFollow.barTitle')}>
        <p className="note">{t('youthFollow.barHint')}</p>
        <FollowButtons targets={followTargetsOf(p)} />
        <ShareAndCalendar p={p} />
      </Section>
      <nav aria-label={t('youth.detail.sectionsNav')} className="in-page-nav">
        <ul>
          {(['support', 'eligibility', 'forMe', 'period', 'apply', 'links'] as const).map((key) => (
            <li key={key}>
              <a href={`#youth-${key}`}>{t(`youth.detail.${key}`)}</a>
            </li>
          ))}
          <li>
            <a href="#youth-questions">{t('youthQa.sectionTitle')}</a>
          </li>
        </ul>
      </nav>

      <Section id="support" title={t('youth.detail.support')}>
        {p.summary.trim() && p.summary.trim() !== p.supportContent.trim() && (
          <p className="youth-text">{p.summary}</p>
        )}
        <Text value={p.supportContent || p.summary} />
        <dl className="facts">
          <Fact label={t('youth.detail.supportScale')}>{p.supportScale}</Fact>
        </dl>
      </Section>

      <Section id="eligibility" title={t('youth.detail.eligibility')}>
        <Eligibility p={p} />
      </Section>

      <Section id="forMe" title={t('youth.detail.forMe')}>
        <FitsMe policyId={p.id} />
      </Section>

      <Section id="period" title={t('youth.detail.period')}>
        <dl className="facts">
          <Fact label={t('youth.detail.applyPeriod')}>
            {t(`youth.detail.periodKind.${p.applyPeriodKind}`)}
          </Fact>
        </dl>
        {p.rounds.length > 0 && (
          <>
            <h3>{t('youth.detail.rounds')}</h3>
            <ol className="youth-rounds">
              {p.rounds.map((r) => (
                <li key={`${r.startsOn}-${r.endsOn}`}>
                  <time dateTime={r.startsOn}>{formatDate(r.startsOn)}</time>
                  {' ~ '}
                  <time dateTime={r.endsOn}>{formatDate(r.endsOn)}</time>
                </li>
              ))}
            </ol>
          </>
        )}
        <dl className="facts">
          <Fact label={t('youth.detail.businessPeriod')}>
            {[
              p.businessPeriod.start && formatDate(p.businessPeriod.start),
              p.businessPeriod.end && formatDate(p.businessPeriod.end),
            ]
              .filter(Boolean)
              .join(' ~ ') || null}
            {p.businessPeriod.other && <span className="youth-text"> {p.businessPeriod.other}</span>}
          </Fact>
        </dl>
      </Section>

      <Section id="apply" title={t('youth.detail.apply')}>
        <h3>{t('youth.detail.howToApply')}</h3>
        <Text value={p.howToApply} />
        <h3>{t('youth.detail.reviewMethod')}</h3>
        <Text value={p.reviewMethod} />
        <h3>{t('youth.detail.documents')}</h3>
        <Text value={p.documents} />
        {p.otherNotes && (
          <>
            <h3>{t('youth.detail.otherNotes')}</h3>
            <Text value={p.otherNotes} />
          </>
        )}
      </Section>

      <Section id="links" title={t('youth.detail.links')}>
        <Links p={p} />
      </Section>

      <Section id="questions" title={t('youthQa.sectionTitle')}>
        <PolicyQuestions policyId={p.id} />
      </Section>
      <p>
        <Link to="/youth/policies">{t('youth.detail.backToList')}</Link>
      </p>
    </Page>
  );
}

/** This policy (once people can see it), its fields and its first keywords. */
function followTargetsOf(p: PolicyDetail): FollowTarget[] {
  const targets: FollowTarget[] = [];
  if (p.workflowStatus === 'published' || p.workflowStatus === 'closed')
    targets.push({ kind: 'policy', target: p.id });
  for (const field of p.fields) targets.push({ kind: 'field', target: field });
  for (const keyword of p.keywords.filter((k) => k.trim() && k.length <= 50).slice(0, 3))
    targets.push({ kind: 'keyword', target: keyword.trim() });
  return targets;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`youth-${id}`} className="section">
      <h2 id={`youth-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Text({ value }: { value: string }) {
  const { t } = useTranslation();
  return value.trim() ? (
    <p className="youth-text">{value}</p>
  ) : (
    <p className="note">{t('youth.detail.notGiven')}</p>
  );
}

const SEOUL = new Set<string>(SEOUL_DISTRICTS);

function Regions({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  if (codes.length === 0) return <>{t('youth.detail.anywhere')}</>;
  // Nationwide policies list about 250 codes: say so rather than print them all.
  if (codes.length > 200) return <>{t('youth.detail.nationwide')}</>;
  const seoul = codes.filter((c) => SEOUL.has(c));
  const names = seoul.map((c) => t(`youth.codes.district.${c}`));
  const others = codes.length - seoul.length;
  return (
    <>
      {names.join(', ')}
      {others > 0 && `${names.length ? ', ' : ''}${t('youth.detail.otherRegions', { count: others })}`}
      {codes.includes(YEONGDEUNGPO) && <> ({t('youth.detail.includesYdp')})</>}
    </>
  );
}

function Eligibility({ p }: { p: PolicyDetail }) {
  const { t } = useTranslation();
  const e = p.eligibility;
  const labels = (items: Array<{ ko: string; en: string }>) =>
    items.length ? items.map((i) => pick(i.ko, i.en)).join(', ') : t('youth.detail.noRestriction');
  const income = e.income.condition
    ? e.income.condition.code === '0043002'
      ? t('youth.detail.incomeRange', {
          min: e.income.min || '—',
          max: e.income.max || '—',
        })
      : [pick(e.income.condition.ko, e.income.condition.en), e.income.other].filter(Boolean).join(': ')
    : t('youth.detail.noRestriction');
  return (
    <>
      <dl className="facts youth-facts">
        <Fact label={t('youth.rule.age')}>{pick(e.age.ko, e.age.en)}</Fact>
        <Fact label={t('youth.rule.region')}>
          <Regions codes={e.regionCodes} />
        </Fact>
        <Fact label={t('youth.rule.employment')}>{labels(e.employment)}</Fact>
        <Fact label={t('youth.rule.education')}>{labels(e.education)}</Fact>
        <Fact label={t('youth.rule.major')}>{labels(e.major)}</Fact>
        <Fact label={t('youth.rule.special_groups')}>{labels(e.specialGroups)}</Fact>
        <Fact label={t('youth.rule.marital_status')}>{labels(e.marital)}</Fact>
        <Fact label={t('youth.rule.income')}>{income}</Fact>
      </dl>
      {e.additionalConditions && (
        <>
          <h3>{t('youth.detail.additionalConditions')}</h3>
          <Text value={e.additionalConditions} />
        </>
      )}
      {e.excludedTargets && (
        <>
          <h3>{t('youth.detail.excludedTargets')}</h3>
          <Text value={e.excludedTargets} />
        </>
      )}
    </>
  );
}

/** Whether this policy fits the signed-in person's youth profile, rule by rule. */
function FitsMe({ policyId }: { policyId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = !!me.data;
  const profile = useYouthProfile(signedIn);
  const usable = profile.data?.consent && profile.data.profile ? profile.data.profile : null;
  const check = useEligibilityForProfile(usable, policyId);
  if (me.isPending) return null;
  if (!signedIn)
    return (
      <p>
        {t('youth.detail.forMeAnonymous')} <Link to="/youth/check">{t('youth.check.title')}</Link>
      </p>
    );
  if (profile.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (!usable)
    return (
      <p>
        {t('youth.detail.forMeNoProfile')} <Link to="/my#me-youth">{t('youth.forMe.profileLink')}</Link>
      </p>
    );
  return (
    <QueryState query={check}>
      {(data) => {
        const mine = data.items.find((i) => i.id === policyId);
        return mine ? (
          <>
            <Alert kind="success">{t('youth.detail.fits')}</Alert>
            <RuleList rules={mine.rules} />
          </>
        ) : (
          <Alert kind="warning">{t('youth.detail.doesNotFit')}</Alert>
        );
      }}
    </QueryState>
  );
}

function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="break">
      {children}
      <span className="visually-hidden"> ({t('youth.detail.external')})</span>
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}

function Links({ p }: { p: PolicyDetail }) {
  const { t } = useTranslation();
  const safe = (u: string) => /^https?:\/\//i.test(u);
  const refs = p.referenceUrls.filter(safe);
  if (!safe(p.applicationUrl) && refs.length === 0)
    return <p className="note">{t('youth.detail.noLinks')}</p>;
  return (
    <ul className="link-list">
      {safe(p.applicationUrl) && (
        <li>
          {t('youth.detail.applicationUrl')}:{' '}
          <ExternalLink href={p.applicationUrl}>{p.applicationUrl}</ExternalLink>
        </li>
      )}
      {refs.map((u) => (
        <li key={u}>
          {t('youth.detail.referenceUrl')}: <ExternalLink href={u}>{u}</ExternalLink>
        </li>
      ))}
    </ul>
  );
}
