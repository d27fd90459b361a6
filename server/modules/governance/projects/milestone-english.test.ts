import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';

// A milestone's optional English title (0142): staff give it when adding or editing, the page
// returns both titles (the English page shows the English one, the Korean one as fallback), an empty
// English title clears it, a too short one is a 400 in Korean and English, and the news of a
// milestone reached reads in English for English readers.

const BASE = '/api/v1/governance/projects';
const STAFF = '/api/v1/governance/staff/projects';

describe.each(engines)('English titles of governance milestones on %s', (engine) => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof signedInAs>>;
  let projectId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await signedInAs(t, ['staff']);
    const made = await staff.client.post(STAFF, {
      title: '골목 정원 가꾸기',
      summary: '',
      department: '공원녹지과',
      year: 2026,
      budget: 80_000,
      spent: 0,
      status: 'before',
      progress: 0,
    });
    expect(made.statusCode).toBe(201);
    projectId = made.json().id;
  });
  afterAll(() => t?.close());

  it('stores, edits and clears the English title; the news in English uses it', async () => {
    const added = await staff.client.post(`${STAFF}/${projectId}/milestones`, {
      title: '화단 자리 정하기',
      titleEn: 'Choose the flower-bed sites',
      dueOn: '2026-05-31',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ title: '화단 자리 정하기', titleEn: 'Choose the flower-bed sites' });
    const id = added.json().id;
    const m = `${STAFF}/${projectId}/milestones/${id}`;

    const edited = await staff.client.patch(m, {
      title: '화단 자리 세 곳 정하기',
      titleEn: '  Choose three flower-bed sites  ',
      dueOn: '2026-06-15',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().titleEn).toBe('Choose three flower-bed sites');

    const anon = new TestClient(t.app);
    const page = (await anon.get(`${BASE}/${projectId}`)).json();
    expect(page.milestones).toEqual([
      {
        id,
        title: '화단 자리 세 곳 정하기',
        titleEn: 'Choose three flower-bed sites',
        dueOn: '2026-06-15',
        done: false,
        doneOn: null,
      },
    ]);

    expect((await staff.client.put(m, { done: true, doneOn: '2026-06-10' })).statusCode).toBe(200);
    anon.lang = 'en';
    const news = (await anon.get(`${BASE}/${projectId}`)).json().updates;
    expect(news.map((u: { text: string }) => u.text)).toContain(
      'Milestone reached: Choose three flower-bed sites.',
    );
    anon.lang = 'ko';
    const newsKo = (await anon.get(`${BASE}/${projectId}`)).json().updates;
    expect(newsKo.map((u: { text: string }) => u.text)).toContain(
      "추진 단계 '화단 자리 세 곳 정하기'을(를) 마쳤습니다.",
    );

    // Left empty: no English title (the English page falls back to the Korean one); the done state stays.
    const cleared = await staff.client.patch(m, {
      title: '화단 자리 세 곳 정하기',
      titleEn: '',
      dueOn: '2026-06-15',
    });
    expect(cleared.json()).toMatchObject({ titleEn: null, done: true });
    const leftOut = await staff.client.post(`${STAFF}/${projectId}/milestones`, {
      title: '씨앗 나누기',
      dueOn: '2026-07-01',
    });
    expect(leftOut.json().titleEn).toBeNull();
  });

  it('refuses a one-letter English title with a 400 in Korean and English', async () => {
    const messages: Record<string, string> = {};
    for (const lang of ['ko', 'en']) {
      staff.client.lang = lang;
      const bad = await staff.client.post(`${STAFF}/${projectId}/milestones`, {
        title: '씨앗 나누기',
        titleEn: 'x',
        dueOn: '2026-07-01',
      });
      expect(bad.statusCode).toBe(400);
      messages[lang] = JSON.stringify(bad.json().error);
    }
    staff.client.lang = 'ko';
    expect(messages.ko).toContain('titleEn');
    expect(messages.ko).not.toBe(messages.en);
  });
});
