import { AreaPage } from '../../shell/AreaPage.tsx';

// 협치: the forum, town halls and governance projects show "준비 중" until their modules are installed.
export function Governance() {
  return (
    <AreaPage
      area="governance"
      i18nKey="governance"
      offers={[
        ['forum', 'forum'],
        ['townHall', 'townHall'],
        ['projects', 'governanceProjects'],
      ]}
    />
  );
}
