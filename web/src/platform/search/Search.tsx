import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSearch } from '../../api/search.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';

export function Search() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const results = useSearch(q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };
  return (
    <Page title={t('search.title')}>
      <search>
        <form onSubmit={submit} className="form form-inline">
          <TextField
            label={t('search.label')}
            type="search"
            name="q"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            hint={t('search.hint')}
          />
          <Button type="submit">{t('shell.searchButton')}</Button>
        </form>
      </search>
      {q && (
        <section aria-labelledby="search-results" className="section">
          <h2 id="search-results">{t('search.resultsFor', { q })}</h2>
          <QueryState query={results}>
            {(data) =>
              data.items.length === 0 ? (
                <p role="status">{t('search.none')}</p>
              ) : (
                <>
                  <p role="status">{t('search.count', { count: data.items.length })}</p>
                  <ul className="card-list">
                    {data.items.map((hit) => (
                      <li key={`${hit.type}-${hit.id}`} className="card">
                        <h3 className="card-title">
                          <Link to={hit.url}>{hit.title}</Link>
                        </h3>
                        <p className="note">{hit.typeLabel}</p>
                        <p>{hit.snippet}</p>
                      </li>
                    ))}
                  </ul>
                </>
              )
            }
          </QueryState>
        </section>
      )}
    </Page>
  );
}
