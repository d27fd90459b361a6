import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import './booking.css';
import './messages.ts';

// Scan or type a check-in code (입실 코드), shared by the staff check-in page, a session's roll call
// and a place's kiosk: the camera reads the QR where the browser can read barcodes
// (BarcodeDetector); the code field is always there. The caller decides what a code checks in.

/** The part of the Barcode Detection API used here (not yet in TypeScript's DOM types). */
interface Detector {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;
const detectorClass = (): DetectorClass | undefined =>
  (globalThis as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;

export function CodeScanner({
  onCode,
  pending,
  submitLabel,
  clearKey,
}: {
  onCode: (code: string) => void;
  pending: boolean;
  /** The button's words (입실 확인 unless given). */
  submitLabel?: string;
  /** When it changes, the typed code is cleared (after a check-in went through). */
  clearKey?: unknown;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: clearKey is the signal to clear
  useEffect(() => setCode(''), [clearKey]);
  return (
    <div className="code-scanner">
      <Scanner onCode={onCode} />
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) onCode(code.trim());
        }}
      >
        <TextField
          label={t('booking.codeLabel')}
          hint={t('booking.codeHint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <div className="button-row">
          <Button type="submit" disabled={pending || !code.trim()}>
            {submitLabel ?? t('booking.checkinSubmit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** The camera and the barcode reader, where the browser has both; a note otherwise (the code field stays). */
function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const Detector = detectorClass();
  const report = useRef(onCode);
  report.current = onCode;
  useEffect(() => {
    if (!on || !Detector) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        timer = setInterval(async () => {
          if (!video.current || video.current.readyState < 2) return;
          const found = await detector.detect(video.current).catch(() => []);
          const value = found[0]?.rawValue;
          if (value && !stopped) {
            stopped = true;
            setOn(false);
            report.current(value);
          }
        }, 300);
      })
      .catch(() => {
        setProblem(t('booking.cameraProblem'));
        setOn(false);
      });
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [on, Detector, t]);
  if (!Detector || !navigator.mediaDevices) return <p className="note">{t('booking.noCamera')}</p>;
  return (
    <div className="booking-scanner">
      {problem && <Alert kind="warning" title={problem} />}
      {on && (
        <video ref={video} className="booking-video" muted playsInline aria-label={t('booking.cameraView')} />
      )}
      <div className="button-row">
        <Button variant={on ? 'secondary' : 'primary'} onClick={() => setOn(!on)}>
          {on ? t('booking.cameraStop') : t('booking.cameraStart')}
        </Button>
      </div>
    </div>
  );
}
