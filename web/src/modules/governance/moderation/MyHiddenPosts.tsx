import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Page } from '../../../ui/Page.tsx';
import { PrevNextPager, useCursorPages } from '../../../ui/Pager.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useMyHidden } from './api.ts';
import { HiddenNotice } from './HiddenNotice.tsx';
import './messages.ts';
import './moderation.css';

// /governance/moderation/mine (내 글 숨김 안내, where the notice of a hiding leads): the signed-in
// person's own hidden proposals and comments, why each is hidden, and an appeal for each, ten at a time.
export default function MyHiddenPostsPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t('moderation.mine.title')}>{() => <MyHiddenPosts />}</RequireSignIn>;
}

function MyHiddenPosts() {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const mine = useMyHidden({ cursor: pages.cursor });
  return (
    <Page
      title={t('moderation.mine.title')}
      lead={t('moderation.mine.lead')}
      crumbs={[{ to: '/notifications', label: t('moderation.mine.notifications') }]}
    >
      <QueryState query={mine}>
        {(data) =>
          data.items.length === 0 && pages.page === 1 ? (
            <EmptyState icon="check" title={t('moderation.mine.none')} text={t('moderation.mine.noneText')} />
          ) : (
            <>
              <ul className="card-list">
                {data.items.map((item) => (
                  <li key={`${item.targetType}-${item.targetId}`} className="card">
                    <h2 className="card-title">
                      {t(`moderation.mine.kind.${item.targetType}`, { title: item.proposalTitle })}
                    </h2>
                    <HiddenNotice item={item} showExcerpt showLink />
                  </li>
                ))}
              </ul>
              <PrevNextPager
                page={pages.page}
                shown={data.items.length}
                nextCursor={data.nextCursor}
                loading={mine.isFetching}
                onPrevious={pages.previous}
                onNext={pages.next}
              />
            </>
          )
        }
      </QueryState>
      <p>
        <Link to="/governance/processes">{t('moderation.mine.toProcesses')}</Link>
      </p>
    </Page>
  );
}
