import { type Ref, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { districtsOf, PROVINCES, regionName } from '../../../../../contracts/provinces.ts';
import { Button } from '../../../ui/Button.tsx';
import { pick } from '../../../ui/format.ts';

const provinceOf = (code: string) => code.slice(0, 2);
const known = (code: string) => regionName(code) !== null;

/**
 * Where residents must live, chosen by name: anyone, or districts picked under their 시도 (names
 * from the region table in contracts/), never typed as codes. Codes the table does not know (an
 * imported policy's) are kept and counted, and can be removed.
 */
export function RegionPicker({
  ref,
  legend,
  scope,
  onScope,
  value,
  onChange,
  error,
}: {
  /** The first radio, so the form can focus the group when it is in error. */
  ref?: Ref<HTMLInputElement>;
  legend: string;
  scope: 'anyone' | 'chosen';
  onScope: (scope: 'anyone' | 'chosen') => void;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const provinces = Object.keys(PROVINCES);
  const [province, setProvince] = useState(
    () => provinces.find((p) => value.some((c) => provinceOf(c) === p)) ?? provinces[0],
  );
  const provinceName = pick(PROVINCES[province].ko, PROVINCES[province].en);
  const districts = districtsOf(province);
  const chosen = new Set(value);
  const unknown = value.filter((c) => !known(c));
  const allChosen = districts.every((c) => chosen.has(c));
  const toggle = (code: string) =>
    onChange(chosen.has(code) ? value.filter((c) => c !== code) : [...value, code]);
  const toggleAll = () =>
    onChange(
      allChosen
        ? value.filter((c) => !districts.includes(c))
        : [...value, ...districts.filter((c) => !chosen.has(c))],
    );
  return (
    <fieldset
      className={`pref staff-regions${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      <div className="staff-checks">
        {(['anyone', 'chosen'] as const).map((s, i) => (
          <label key={s} className="inline-check">
            <input
              ref={i === 0 ? ref : undefined}
              type="radio"
              name={`${id}-scope`}
              value={s}
              checked={scope === s}
              onChange={() => onScope(s)}
            />{' '}
            {t(s === 'anyone' ? 'youthStaff.form.regionAnyone' : 'youthStaff.form.regionChosen')}
          </label>
        ))}
      </div>
      {scope === 'chosen' && (
        <div className="staff-region-choice">
          {provinces.length > 1 && (
            <div className="field">
              <label className="field-label" htmlFor={`${id}-province`}>
                {t('youthStaff.form.province')}
              </label>
              <select
                id={`${id}-province`}
                className="input"
                value={province}
                onChange={(e) => setProvince(e.target.value)}
              >
                {provinces.map((p) => (
                  <option key={p} value={p}>
                    {pick(PROVINCES[p].ko, PROVINCES[p].en)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <fieldset className="pref">
            <legend>{t('youthStaff.form.districts', { province: provinceName })}</legend>
            <label className="inline-check staff-region-all">
              <input type="checkbox" checked={allChosen} onChange={toggleAll} />{' '}
              {t('youthStaff.form.allOf', { province: provinceName })}
            </label>
            <div className="staff-checks staff-region-grid">
              {districts.map((code) => {
                const name = regionName(code);
                return (
                  <label key={code} className="inline-check">
                    <input type="checkbox" checked={chosen.has(code)} onChange={() => toggle(code)} />{' '}
                    {name ? pick(name.ko, name.en) : code}
                  </label>
                );
              })}
            </div>
          </fieldset>
          <p className="note" aria-live="polite">
            {t('youthStaff.form.regionsChosen', { count: value.length })}
          </p>
          {unknown.length > 0 && (
            <p className="note">
              {t('youthStaff.form.regionsUnknown', { count: unknown.length })}{' '}
              <Button
                variant="tertiary"
                className="btn-small"
                onClick={() => onChange(value.filter((c) => known(c)))}
              >
                {t('youthStaff.form.regionsDropUnknown')}
              </Button>
            </p>
          )}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
