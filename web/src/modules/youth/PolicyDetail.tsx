import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../../api/session.ts';
import { type PolicyDetail, useEligibilityForProfile, usePolicy, useYouthProfile } from '../../api/youth.ts';
import { NotFound } from '../../shell/NotFound.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { formatDate, pick } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { WhenNear } from '../../ui/WhenNear.tsx';
import { SEOUL_DISTRICTS, YEONGDEUNGPO } from './codes.ts';
import { FollowButtons, type FollowTarget } from './follow/FollowButtons.tsx';
import { ShareAndCalendar } from './follow/ShareAndCalendar.tsx';
import { Deadline, FieldBadges, RuleSummary, StatusBadge } from './parts.tsx';
import './messages.ts';
import './youth.css';

// The questions section carries the question form (Zod and react-hook-form): it loads when the
// reader comes near it, so a phone opens the policy without building a form further down.
const PolicyQuestions = lazy(() =>
  import('./questions/PolicyQuestions.tsx').then((m) => ({ default: m.PolicyQuestions })),
);

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
  const support = p.supportContent.trim() || p.summary.trim() || p.supportScale.trim();
  const apply = [p.howToApply, p.reviewMethod, p.documents, p.otherNotes].some((v) => v.trim());
  const links = isWebAddress(p.applicationUrl) || p.referenceUrls.some(isWebAddress);
  // Only the parts this policy has: a heading over "not stated" helps no one.
  const sections = [
    support && 'support',
    'eligibility',
    'forMe',
    'period',
    apply && 'apply',
    links && 'links',
    'questions',
  ].filter(Boolean) as string[];
  return (
    <Page title={p.title} crumbs={crumbsOf(t)}>
      <p className="youth-meta">
        <StatusBadge status={p.status} />
        {/* The fields by name and icon; the source's 대분류 only when it names none we know. */}
        <FieldBadges fields={p.fields} />
        {p.fields.length === 0 && p.fieldMajor && <span className="badge">{p.fieldMajor}</span>}
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
      <ApplyAction p={p} hasSteps={apply} />
      <nav aria-label={t('youth.detail.sectionsNav')} className="in-page-nav">
        <ul>
          {sections.map((key) => (
            <li key={key}>
              <a href={`#youth-${key}`}>
                {key === 'questions' ? t('youthQa.sectionTitle') : t(`youth.detail.${key}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {support && (
        <Section id="support" title={t('youth.detail.support')}>
          {p.summary.trim() && p.summary.trim() !== p.supportContent.trim() && (
            <p className="youth-text">{p.summary}</p>
          )}
          <Text value={p.supportContent} />
          <dl className="facts">
            <Fact label={t('youth.detail.supportScale')}>{p.supportScale}</Fact>
          </dl>
        </Section>
      )}

      {/* After what the policy offers, not before it: one follow for the policy, the rest folded. */}
      <Section id="follow" title={t('youthPages.detail.followTitle')}>
        <p className="note">{t('youthFollow.barHint')}</p>
        <FollowControl p={p} />
        <ShareAndCalendar p={p} />
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
          <Fact label={t('youth.detail.businessPeriod')}>{businessPeriodOf(p)}</Fact>
        </dl>
      </Section>

      {apply && (
        <Section id="apply" title={t('youth.detail.apply')}>
          <Part title={t('youth.detail.howToApply')} value={p.howToApply} />
          <Part title={t('youth.detail.reviewMethod')} value={p.reviewMethod} />
          <Part title={t('youth.detail.documents')} value={p.documents} />
          <Part title={t('youth.detail.otherNotes')} value={p.otherNotes} />
        </Section>
      )}

      {links && (
        <Section id="links" title={t('youth.detail.links')}>
          <Links p={p} />
        </Section>
      )}

      <Section id="questions" title={t('youthQa.sectionTitle')}>
        <WhenNear fallback={null} anchor="youth-questions">
          <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
            <PolicyQuestions policyId={p.id} />
          </Suspense>
        </WhenNear>
      </Section>
      <p>
        <Link to="/youth/policies">{t('youth.detail.backToList')}</Link>
      </p>
    </Page>
  );
}

const isWebAddress = (u: string) => /^https?:\/\/\S+$/i.test(u.trim());

/**
 * The programme period as one line: its dates (either end may be missing), then the source's own
 * words ("예산 소진시까지"); null when the policy states neither, so no empty heading is shown.
 */
export function businessPeriodOf(p: Pick<PolicyDetail, 'businessPeriod'>): string | null {
  const { start, end, other } = p.businessPeriod;
  const dates =
    start || end ? `${start ? formatDate(start) : ''} ~ ${end ? formatDate(end) : ''}`.trim() : '';
  return [dates, other.trim()].filter(Boolean).join(' · ') || null;
}

/**
 * 신청하기: the application address, opened in a new window (its name says so); without one, a
 * link to the steps on this page. Nothing for a closed policy.
 */
function ApplyAction({ p, hasSteps }: { p: PolicyDetail; hasSteps: boolean }) {
  const { t } = useTranslation();
  // A closed policy takes no applications: its badge says so, and its addresses stay under 관련 누리집.
  if (p.status === 'closed') return null;
  if (isWebAddress(p.applicationUrl))
    return (
      <div className="youth-apply">
        <a
          className="btn btn-primary youth-apply-button"
          href={p.applicationUrl.trim()}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('youthPages.detail.apply')}
          <span className="visually-hidden"> ({t('youthPages.detail.applyOpens')})</span>
          <span aria-hidden="true">&nbsp;↗</span>
        </a>
        <p className="note">{t('youthPages.detail.applyNote')}</p>
      </div>
    );
  if (!hasSteps) return null;
  return (
    <p className="youth-apply">
      <a className="btn btn-secondary" href="#youth-apply">
        {t('youthPages.detail.howToApplyLink')}
      </a>
    </p>
  );
}

/** The policy's own follow button, with its fields and keywords folded away behind one disclosure. */
function FollowControl({ p }: { p: PolicyDetail }) {
  const { t } = useTranslation();
  const targets = followTargetsOf(p);
  const own = targets.filter((f) => f.kind === 'policy');
  // A policy not yet public cannot be followed itself: its fields and keywords are all there is.
  if (own.length === 0) return <FollowButtons targets={targets} />;
  return (
    <FollowButtons
      targets={own}
      folded={{
        label: t('youthPages.detail.moreFollows'),
        targets: targets.filter((f) => f.kind !== 'policy'),
      }}
    />
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
  return value.trim() ? <p className="youth-text">{value}</p> : null;
}

/** A titled part of a section, left out when the policy says nothing there. */
function Part({ title, value }: { title: string; value: string }) {
  if (!value.trim()) return null;
  return (
    <>
      <h3>{title}</h3>
      <Text value={value} />
    </>
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
      <Part title={t('youth.detail.additionalConditions')} value={e.additionalConditions} />
      <Part title={t('youth.detail.excludedTargets')} value={e.excludedTargets} />
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
            <RuleSummary rules={mine.rules} />
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
  const refs = p.referenceUrls.filter(isWebAddress);
  return (
    <ul className="link-list">
      {isWebAddress(p.applicationUrl) && (
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
