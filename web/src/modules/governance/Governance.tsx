import { AreaPage } from '../../shell/AreaPage.tsx';
import { ProcessesLink } from './processes/ProcessesLink.tsx';

// 협치: the forum, town halls and governance projects show "준비 중" until their modules are installed.
export function Governance() {
  return (
    <AreaPage
      area="governance"
      i18nKey="governance"
      first={<ProcessesLink />}
      offers={[
        ['forum', 'forum'],
        ['polls', 'polls'],
        ['townHall', 'townHall'],
        ['projects', 'governanceProjects'],
      ]}
    />
  );
}
