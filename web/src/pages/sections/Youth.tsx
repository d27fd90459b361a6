import { AreaPage } from './AreaPage.tsx';

export function Youth() {
  return <AreaPage area="youth" i18nKey="youth" offers={['policy', 'space', 'jobs', 'contest']} />;
}
