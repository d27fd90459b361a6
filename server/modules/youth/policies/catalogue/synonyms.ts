// English words people type into the Korean catalogue's search, and the Korean word each stands
// for: the fields' own names (일자리, 주거, 교육, 복지·문화, 참여·권리, which every policy carries
// among its searched facets) and the words policies use. One table, kept here.
const TABLE: Record<string, string> = {
  // 일자리 (jobs)
  job: '일자리',
  jobs: '일자리',
  work: '일자리',
  employment: '취업',
  employ: '취업',
  career: '취업',
  careers: '취업',
  hiring: '채용',
  recruit: '채용',
  recruitment: '채용',
  internship: '인턴',
  intern: '인턴',
  interns: '인턴',
  startup: '창업',
  startups: '창업',
  founder: '창업',
  founders: '창업',
  entrepreneur: '창업',
  entrepreneurs: '창업',
  entrepreneurship: '창업',
  // 주거 (housing)
  housing: '주거',
  house: '주거',
  home: '주거',
  homes: '주거',
  rent: '월세',
  rental: '임대',
  lease: '임대',
  deposit: '보증금',
  jeonse: '전세',
  loan: '대출',
  loans: '대출',
  dormitory: '기숙사',
  // 교육 (education)
  education: '교육',
  training: '교육',
  study: '교육',
  school: '학교',
  course: '교육',
  courses: '교육',
  scholarship: '장학',
  scholarships: '장학',
  tuition: '등록금',
  certificate: '자격증',
  certificates: '자격증',
  license: '자격증',
  // 복지·문화 (welfare and culture)
  welfare: '복지',
  culture: '문화',
  cultural: '문화',
  arts: '예술',
  art: '예술',
  health: '건강',
  counseling: '상담',
  counselling: '상담',
  finance: '금융',
  financial: '금융',
  savings: '저축',
  asset: '자산',
  assets: '자산',
  // 참여·권리 (participation and rights)
  participation: '참여',
  participate: '참여',
  rights: '권리',
  volunteer: '봉사',
  volunteering: '봉사',
  // Who a policy is for
  youth: '청년',
  young: '청년',
  newlywed: '신혼',
  newlyweds: '신혼',
};

const SYNONYMS = new Map(Object.entries(TABLE));

/** Whether the table has the (lower-case) word. */
export const hasSynonym = (word: string) => SYNONYMS.has(word);

/** The table's English words, for the typo fallback's suggestions (hosuing → housing). */
export const SYNONYM_WORDS: readonly string[] = [...SYNONYMS.keys()];

// 'start-up' and 'start up' are one word here. A word is a run of letters or digits, as the search
// splits them, so 'jobs' in 'jobseeker' is left alone.
const PHRASES = /(?<![\p{L}\p{N}])start[\s-]?ups?(?![\p{L}\p{N}])/giu;
const WORD = /[\p{L}\p{N}]+/gu;

/** The query with each English word of the table put in Korean ('housing 영등포' → '주거 영등포'). */
export function translateQuery(q: string): string {
  if (!/[a-z]/i.test(q)) return q; // nothing to translate: most queries are Korean
  return q.replace(PHRASES, 'startup').replace(WORD, (w) => SYNONYMS.get(w.toLowerCase()) ?? w);
}
