import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { FacilitiesView } from '../../../../contracts/administration.ts';
import { useFacilities } from '../../api/public.ts';
import { formatNumber, pick } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { hasPlacePicture, PlacePicture } from '../../ui/Picture.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Table } from '../../ui/Table.tsx';
import { useAdministrationCrumbs } from './AdministrationHome.tsx';
import './administration.css';

type Space = FacilitiesView['facilities'][number]['spaces'][number];
type Equipment = FacilitiesView['equipment'][number];

export function FacilitiesPage() {
  const { t } = useTranslation();
  const facilities = useFacilities();
  // A place card links to its facility (#facility-<code>): once loaded, go there and start reading there.
  const { hash } = useLocation();
  const loaded = !!facilities.data;
  useEffect(() => {
    if (!loaded || !hash.startsWith('#facility-')) return;
    const heading = document.getElementById(decodeURIComponent(hash.slice(1)));
    heading?.scrollIntoView();
    heading?.focus({ preventScroll: true });
  }, [loaded, hash]);
  const area = (m2: number | null) =>
    m2 == null ? '—' : t('administration.facilities.m2', { value: formatNumber(m2) });
  return (
    <Page
      title={t('administration.facilities.title')}
      crumbs={useAdministrationCrumbs()}
      lead={t('administration.facilities.lead')}
    >
      <QueryState query={facilities}>
        {(data) => (
          <>
            {data.facilities.map((f) => (
              <section key={f.id} className="section facility" aria-labelledby={`facility-${f.code}`}>
                <h2 id={`facility-${f.code}`} tabIndex={-1}>
                  {pick(f.nameKo, f.nameEn)}
                </h2>
                {hasPlacePicture(f.code) && <PlacePicture code={f.code} className="facility-picture" />}
                <dl className="facts">
                  <div>
                    <dt>{t('administration.facilities.address')}</dt>
                    <dd>{f.address}</dd>
                  </div>
                  <div>
                    <dt>{t('administration.facilities.floorArea')}</dt>
                    <dd>{area(f.floorAreaM2)}</dd>
                  </div>
                  {f.landAreaM2 != null && (
                    <div>
                      <dt>{t('administration.facilities.landArea')}</dt>
                      <dd>{area(f.landAreaM2)}</dd>
                    </div>
                  )}
                  {f.team && (
                    <div>
                      <dt>{t('plan.team')}</dt>
                      <dd>{pick(f.team.nameKo, f.team.nameEn)}</dd>
                    </div>
                  )}
                </dl>
                {f.spaces.length > 0 && (
                  <Table<Space>
                    caption={t('administration.facilities.spacesCaption', { name: pick(f.nameKo, f.nameEn) })}
                    rows={f.spaces}
                    rowKey={(s, i) => `${s.floor}-${s.nameKo}-${i}`}
                    columns={[
                      {
                        header: t('administration.facilities.space'),
                        rowHeader: true,
                        cell: (s) => pick(s.nameKo, s.nameEn),
                      },
                      { header: t('administration.facilities.floor'), cell: (s) => s.floor ?? '—' },
                      {
                        header: t('administration.facilities.area'),
                        numeric: true,
                        cell: (s) => area(s.areaM2),
                      },
                    ]}
                  />
                )}
                {f.notes && <p className="note">{pick(f.notes.ko, f.notes.en)}</p>}
              </section>
            ))}
            {data.equipment.length > 0 && (
              <section className="section" aria-labelledby="equipment">
                <h2 id="equipment">{t('administration.facilities.equipment')}</h2>
                <Table<Equipment>
                  caption={t('administration.facilities.equipmentCaption')}
                  rows={data.equipment}
                  rowKey={(e) => e.id}
                  columns={[
                    {
                      header: t('administration.facilities.equipmentName'),
                      rowHeader: true,
                      cell: (e) => pick(e.nameKo, e.nameEn),
                    },
                    { header: t('administration.facilities.model'), cell: (e) => e.model ?? '—' },
                    {
                      header: t('administration.facilities.registeredOn'),
                      cell: (e) => e.registeredOn ?? '—',
                    },
                    {
                      header: t('administration.facilities.purpose'),
                      cell: (e) => pick(e.purposeKo, e.purposeEn),
                    },
                  ]}
                />
              </section>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}
