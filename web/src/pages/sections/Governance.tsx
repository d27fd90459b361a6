import { AreaPage } from './AreaPage.tsx';

export function Governance() {
  return <AreaPage area="governance" i18nKey="governance" offers={['forum', 'townHall', 'projects']} />;
}
