import { AreaPage } from '../../shell/AreaPage.tsx';

export function Governance() {
  return <AreaPage area="governance" i18nKey="governance" offers={['forum', 'townHall', 'projects']} />;
}
