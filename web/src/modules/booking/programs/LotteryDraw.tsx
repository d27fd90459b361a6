import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DRAW_LISTS, type DrawList } from '../../../../../contracts/booking-programs-staff.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { PrevNextPager, useCursorPages } from '../../../ui/Pager.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { Table } from '../../../ui/Table.tsx';
import { type Program, publishDigest, runDraw, useDrawList, useProgram } from './api.ts';
import '../booking.css';
import '../../../platform/staff/messages.ts';
import './admin-messages.ts';
import './messages.ts';
import './programs.css';

type ListName = (typeof DRAW_LISTS)[number];

// Staff run a lottery program's draw in three steps: entries close, the digest of the list of entries
// is published (so it cannot change unseen), and a seed typed or generated here draws winners and
// the waiting order. The result shows the seed, the order with masked names, a page at a time.
export default function LotteryDrawPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('programAdmin.lottery')} roles={['staff', 'admin']}>
      {() => <LotteryDraw />}
    </RequireSignIn>
  );
}

function LotteryDraw() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const program = useProgram(id);
  return (
    <QueryState query={program} loading={{ cards: 2 }}>
      {(p) => (
        <Page
          title={t('programAdmin.lotteryTitle', { title: p.title })}
          lead={t('programAdmin.lotteryLead')}
          crumbs={[
            { to: '/staff', label: t('staffHome.title') },
            { to: '/booking/staff/programs', label: t('programs.staff.title') },
            { to: `/booking/staff/programs/${p.id}`, label: p.title },
          ]}
        >
          {p.mode !== 'lottery' ? <p>{t('programAdmin.notLottery')}</p> : <Steps program={p} />}
        </Page>
      )}
    </QueryState>
  );
}

/** A seed nobody chose in advance: the date and twelve random digits, easy to read out. */
function randomSeed(): string {
  const digits = Array.from(crypto.getRandomValues(new Uint32Array(3)), (n) =>
    String(n % 10_000).padStart(4, '0'),
  ).join('-');
  return `${new Date().toISOString().slice(0, 10)}-${digits}`;
}

function Steps({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['booking'] });
  const [seed, setSeed] = useState('');
  const [seedError, setSeedError] = useState<string>();
  const digest = useMutation({ mutationFn: publishDigest, onSettled: refresh });
  const draw = useMutation({ mutationFn: runDraw, onSettled: refresh });
  const closed = Date.now() >= Date.parse(p.closesAt);
  if (p.drawn) return <DrawResult program={p} />;
  return (
    <>
      <section className="card" aria-labelledby="draw-step1">
        <h2 id="draw-step1" className="card-title">
          {t('programAdmin.step1')}
        </h2>
        <p>
          {closed
            ? t('programAdmin.closedAt', { at: formatDateTime(p.closesAt), seats: p.capacity })
            : t('programAdmin.stillOpen', { at: formatDateTime(p.closesAt) })}
        </p>
      </section>
      <section className="card" aria-labelledby="draw-step2">
        <h2 id="draw-step2" className="card-title">
          {t('programAdmin.step2')}
        </h2>
        <p className="note">{t('programAdmin.digestNote')}</p>
        <MutationAlert
          mutation={digest}
          success={digest.data ? t('programAdmin.published', { count: digest.data.applicants }) : undefined}
        />
        {p.inputDigest ? (
          <>
            {!digest.data && <p>{t('programAdmin.digestDone')}</p>}
            <details>
              <summary>{t('programAdmin.digest')}</summary>
              <p className="draw-seed">
                <code>{p.inputDigest}</code>
              </p>
            </details>
          </>
        ) : (
          <Button disabled={!closed || digest.isPending} onClick={() => digest.mutate(p.id)}>
            {t('programAdmin.publish')}
          </Button>
        )}
      </section>
      {p.inputDigest && (
        <section className="card" aria-labelledby="draw-step3">
          <h2 id="draw-step3" className="card-title">
            {t('programAdmin.step3')}
          </h2>
          <MutationAlert mutation={draw} success={t('programAdmin.drawn')} />
          <form
            className="form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const typed = seed.trim();
              if (!typed) {
                setSeedError(t('programAdmin.seedMissing'));
                return;
              }
              setSeedError(undefined);
              draw.mutate({ id: p.id, seed: typed });
            }}
          >
            <TextField
              label={t('programAdmin.seed')}
              hint={t('programAdmin.seedHint')}
              required
              maxLength={200}
              value={seed}
              error={seedError}
              onChange={(e) => setSeed(e.target.value)}
            />
            <div className="button-row">
              <Button variant="secondary" onClick={() => setSeed(randomSeed())}>
                {t('programAdmin.generate')}
              </Button>
              <Button type="submit" disabled={draw.isPending}>
                {t('programAdmin.draw')}
              </Button>
            </div>
          </form>
        </section>
      )}
    </>
  );
}

function DrawResult({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const [list, setList] = useState<ListName>('winners');
  const pages = useCursorPages();
  const page = useDrawList(p.id, list, pages.cursor, true);
  return (
    <section className="card" aria-labelledby="draw-result">
      <h2 id="draw-result" className="card-title">
        {t('programAdmin.result')}
      </h2>
      <QueryState query={page} loading={{ lines: 4 }}>
        {(d: DrawList) => (
          <>
            <p>
              {t('programAdmin.resultFacts', {
                at: formatDateTime(d.drawnAt),
                applicants: d.applicants,
                winners: d.winners,
                waiting: d.waiting,
              })}
            </p>
            <dl className="facts">
              <div>
                <dt>{t('programAdmin.seedUsed')}</dt>
                <dd className="draw-seed">
                  <strong>{d.seed}</strong>
                </dd>
              </div>
              <div>
                <dt>{t('programAdmin.algorithm')}</dt>
                <dd>{d.algorithm}</dd>
              </div>
            </dl>
            <p className="note">{t('programAdmin.reproducible')}</p>
            <details>
              <summary>{t('programAdmin.digest')}</summary>
              <p className="draw-seed">
                <code>{d.inputDigest}</code>
              </p>
            </details>
            <SelectField
              label={t('programAdmin.listLabel')}
              value={list}
              onChange={(e) => {
                setList(e.target.value as ListName);
                pages.reset();
              }}
            >
              {DRAW_LISTS.map((l) => (
                <option key={l} value={l}>
                  {t(`programAdmin.lists.${l}`)}
                </option>
              ))}
            </SelectField>
            {d.items.length === 0 ? (
              <p>{t('programAdmin.nobody')}</p>
            ) : (
              <>
                <Table<DrawList['items'][number]>
                  caption={t(`programAdmin.lists.${list}`)}
                  rows={d.items}
                  rowKey={(r) => String(r.rank)}
                  columns={[
                    { header: t('programAdmin.rank'), numeric: true, cell: (r) => r.rank },
                    {
                      header: t('programAdmin.name'),
                      rowHeader: true,
                      cell: (r) => r.name ?? t('programAdmin.noName'),
                    },
                    {
                      header: t('programAdmin.nowStatus'),
                      cell: (r) => t(`programs.status.${r.status}`, { position: '', until: '' }),
                    },
                  ]}
                />
                <PrevNextPager
                  page={pages.page}
                  shown={d.items.length}
                  nextCursor={d.nextOffset === null ? null : String(d.nextOffset)}
                  loading={page.isFetching}
                  onPrevious={pages.previous}
                  onNext={pages.next}
                />
              </>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
