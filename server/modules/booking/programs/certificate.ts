import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { eq, like, sql } from 'drizzle-orm';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { users } from '../../../platform/auth/tables.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { logPersonalDataAccess } from '../../../platform/privacy/access-log.ts';
import { organizations } from '../../../platform/tenants/tables.ts';
import { findProgram, progressOf, sessionsOf } from './queries.ts';
import { bookingCertificates, bookingRegistrations } from './tables.ts';

// The completion certificate (수료증) of a course, as a PDF with Korean text: only the person who
// completed it, or staff, can download it. The font is Pretendard GOV (the npm package
// pretendard-gov, OFL-1.1), embedded as a subset of the glyphs used, so a certificate is a few KB.
// The issue number is fixed the first time it is downloaded: '<year>-<00001…>' per organization.

const require = createRequire(import.meta.url);
const fontFile = (weight: string) =>
  require.resolve(`pretendard-gov/dist/public/static/alternative/PretendardGOV-${weight}.ttf`);
/**
 * The two weights, parsed once and kept: fontkit reads its layout tables at a font's first use (most
 * of a second for this CJK font), so a font per certificate would pay it every time.
 */
let fonts: Promise<[fontkit.Font, fontkit.Font]> | undefined;
const open = async (weight: string) => fontkit.create(await readFile(fontFile(weight))) as fontkit.Font;
const loadFonts = () => {
  fonts ??= Promise.all([open('Regular'), open('Bold')]);
  return fonts;
};

const seoulDate = new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'long' });
const seoulYear = (d: Date) =>
  new Intl.DateTimeFormat('en', { timeZone: 'Asia/Seoul', year: 'numeric' }).format(d);

export interface CertificateFacts {
  number: string;
  name: string;
  program: string;
  firstDay: Date;
  lastDay: Date;
  attended: number;
  sessions: number;
  office: string;
  issuedAt: Date;
}

/** The certificate as PDF bytes (A4, Korean). */
export async function certificatePdf(f: CertificateFacts): Promise<Buffer> {
  const [regular, bold] = await loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 72,
    info: { Title: `수료증 ${f.number}`, Author: f.office, Subject: f.program },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit takes a fontkit font as it is (its types know only paths and bytes).
  doc.registerFont('body', regular as unknown as Buffer);
  doc.registerFont('bold', bold as unknown as Buffer);
  const width = doc.page.width - 144;
  doc.font('body').fontSize(11).text(`제 ${f.number} 호`, { align: 'left' });
  doc.moveDown(3);
  doc.font('bold').fontSize(34).text('수 료 증', { align: 'center', characterSpacing: 4 });
  doc.font('body').fontSize(12).text('Certificate of Completion', { align: 'center' });
  doc.moveDown(3);
  const row = (label: string, value: string) => {
    doc.font('bold').fontSize(13).text(label, { continued: true, width });
    doc.font('body').text(`  ${value}`);
    doc.moveDown(0.6);
  };
  row('성    명', f.name);
  row('과 정 명', f.program);
  row('교육 기간', `${seoulDate.format(f.firstDay)} ~ ${seoulDate.format(f.lastDay)}`);
  row('출석', `전체 ${f.sessions}회 중 ${f.attended}회`);
  doc.moveDown(2);
  doc
    .font('body')
    .fontSize(14)
    .text(`위 사람은 「${f.program}」 과정을 성실히 이수하였기에 이 증서를 드립니다.`, {
      align: 'center',
      lineGap: 6,
    });
  doc.moveDown(4);
  doc.fontSize(13).text(seoulDate.format(f.issuedAt), { align: 'center' });
  doc.moveDown(2);
  doc.font('bold').fontSize(20).text(f.office, { align: 'center' });
  doc.end();
  return done;
}

/** The number of the registration's certificate, given out the first time (serialized per organization). */
async function certificateOf(tx: DbOrTx, organizationId: string, registrationId: string, now: Date) {
  const mine = () =>
    tx
      .select()
      .from(bookingCertificates)
      .where(
        forOrg(bookingCertificates, organizationId, eq(bookingCertificates.registrationId, registrationId)),
      );
  const [had] = await mine();
  if (had) return had;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`booking.certificates:${organizationId}`}))`);
  const [raced] = await mine();
  if (raced) return raced;
  const year = seoulYear(now);
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(bookingCertificates)
    .where(forOrg(bookingCertificates, organizationId, like(bookingCertificates.number, `${year}-%`)));
  const number = `${year}-${String(Number(count?.n ?? 0) + 1).padStart(5, '0')}`;
  const [row] = await tx
    .insert(bookingCertificates)
    .values({ organizationId, registrationId, number, issuedAt: now })
    .returning();
  return row;
}

/**
 * The certificate of a registration of the program: the signed-in person's own (no
 * `registrationId`), or anyone's for staff (the name read is access-logged). Refused (403) until
 * the course is completed, and for programs without a completion rule.
 */
export async function certificateFor(
  ctx: SignedInCtx,
  programId: string,
  staff?: { registrationId: string; route: string },
  now = new Date(),
) {
  return ctx.db.transaction(async (tx) => {
    const program = await findProgram(tx, ctx.organizationId, programId);
    const [reg] = await tx
      .select({
        id: bookingRegistrations.id,
        programId: bookingRegistrations.programId,
        userId: bookingRegistrations.userId,
        name: users.displayName,
      })
      .from(bookingRegistrations)
      .leftJoin(users, eq(users.id, bookingRegistrations.userId))
      .where(
        forOrg(
          bookingRegistrations,
          ctx,
          eq(bookingRegistrations.programId, programId),
          eq(bookingRegistrations.status, 'confirmed'),
          staff
            ? eq(bookingRegistrations.id, staff.registrationId)
            : eq(bookingRegistrations.userId, ctx.actor.userId),
        ),
      );
    if (!reg) throw new AppError('program_registration_not_found', 404);
    const progress = (await progressOf(tx, ctx.organizationId, [reg])).get(reg.id);
    if (!progress?.completed) throw new AppError('program_not_completed', 403);
    if (staff && reg.userId && reg.userId !== ctx.actor.userId)
      await logPersonalDataAccess(tx, ctx, {
        subjectUserId: reg.userId,
        fields: ['displayName'],
        reason: 'booking.certificate',
        route: staff.route,
      });
    const certificate = await certificateOf(tx, ctx.organizationId, reg.id, now);
    const sessions = await sessionsOf(tx, ctx.organizationId, programId, 'ko');
    // tenant-scope: the organization's own row, its name as the issuing office
    const [org] = await tx
      .select({ name: organizations.nameKo })
      .from(organizations)
      .where(eq(organizations.id, ctx.organizationId));
    const pdf = await certificatePdf({
      number: certificate.number,
      // A sample or deleted account's seat has no name to print.
      name: reg.name ?? '-',
      program: program.titleKo,
      firstDay: new Date(sessions[0].startsAt),
      lastDay: new Date(sessions[sessions.length - 1].endsAt),
      attended: progress.attended,
      sessions: progress.sessions,
      office: org?.name ?? '',
      issuedAt: certificate.issuedAt,
    });
    return { pdf, number: certificate.number };
  });
}
