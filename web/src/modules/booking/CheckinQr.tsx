import qrcode from 'qrcode-generator';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

// A booking's check-in QR code (qrcode-generator draws the matrix; we write it as one SVG path), with
// the booking's time and place as its accessible name and as text beside it, and the code in groups
// of five for staff to type when the camera cannot read it.

/** 'ABCDEFGHJK' as 'ABCDE-FGHJK', easier to read out and type. */
export const groupedCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

export function CheckinQr({ code, label }: { code: string; label: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { size, path } = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(code, 'Alphanumeric');
    qr.make();
    const n = qr.getModuleCount();
    let d = '';
    for (let row = 0; row < n; row++)
      for (let col = 0; col < n; col++) if (qr.isDark(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
    return { size: n + 8, path: d };
  }, [code]);
  return (
    <figure className="booking-qr">
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${size} ${size}`}
        width="160"
        height="160"
        shapeRendering="crispEdges"
      >
        <title id={titleId}>{t('booking.qrLabel', { what: label })}</title>
        <rect width={size} height={size} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <figcaption>
        <span>{label}</span>
        <span>
          {t('booking.checkinCode')} <strong className="booking-code">{groupedCode(code)}</strong>
        </span>
        <span className="note">{t('booking.qrHint')}</span>
      </figcaption>
    </figure>
  );
}
