import 'krds-uiux/resources/css/token/krds_tokens.css';
import '../../web/src/ui/base.css';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import i18n from '../../web/src/i18n/index.ts';
import { Button } from '../../web/src/ui/Button.tsx';
import { useConfirm } from '../../web/src/ui/ConfirmDialog.tsx';
import { EmptyState } from '../../web/src/ui/EmptyState.tsx';
import { MorePager, PrevNextPager, useCursorPages } from '../../web/src/ui/Pager.tsx';
import { ResponsiveTable } from '../../web/src/ui/ResponsiveTable.tsx';
import { Skeleton } from '../../web/src/ui/Skeleton.tsx';
import { Toaster, useToast } from '../../web/src/ui/Toast.tsx';

const COLUMNS = ['가', '나', '다', '라', '마', '바', '사', '아'];

// The shared ui components on one page, for tests/e2e/ui-components.test.ts: bundled by esbuild and
// run in Chromium as the app runs them (the app's i18n, tokens and base styles).
function Harness() {
  const toast = useToast();
  const { confirm, dialog } = useConfirm();
  const [answer, setAnswer] = useState('');
  const [shown, setShown] = useState(10);
  const pages = useCursorPages();
  return (
    <main className="container">
      <h1>공용 화면 요소</h1>
      <EmptyState
        title="찾는 정책이 없습니다"
        text="검색어를 줄이거나 분야를 바꿔 보십시오."
        actions={<a href="#fields">분야별로 보기</a>}
      />
      <Skeleton lines={3} />
      <div className="button-row">
        <Button onClick={() => toast.show('저장했습니다.', { durationMs: 1500 })}>알림 띄우기</Button>
        <Button
          variant="danger"
          onClick={async () => {
            const yes = await confirm({
              title: '제안을 삭제하시겠습니까?',
              message: <p>삭제하면 되돌릴 수 없습니다.</p>,
              confirmLabel: '삭제',
              danger: true,
            });
            setAnswer(yes ? '삭제함' : '취소함');
          }}
        >
          제안 삭제
        </Button>
      </div>
      <p id="answer">{answer}</p>
      {dialog}
      <MorePager shown={shown} hasMore={shown < 30} onMore={() => setShown(shown + 10)} />
      <PrevNextPager
        page={pages.page}
        shown={10}
        nextCursor={pages.page < 3 ? `cursor-${pages.page + 1}` : null}
        onPrevious={pages.previous}
        onNext={pages.next}
      />
      <p id="cursor">{pages.cursor ?? '첫 쪽'}</p>
      <ResponsiveTable label="넓은 표">
        <table className="wide" style={{ whiteSpace: 'nowrap' }}>
          <caption>넓은 표</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {`${c} 열`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {COLUMNS.map((c) => (
                <td key={c}>가나다라마바사아자차</td>
              ))}
            </tr>
          </tbody>
        </table>
      </ResponsiveTable>
      <Toaster />
    </main>
  );
}

const start = () => createRoot(document.getElementById('root')!).render(<Harness />);
if (i18n.isInitialized) start();
else i18n.on('initialized', start);
