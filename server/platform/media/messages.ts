import type { Catalog } from '../i18n/messages.ts';

// Uploads of images, in Korean (합니다체) and English.
export const messages: Catalog = {
  'errors.media_type_not_allowed': {
    ko: '사진은 JPEG, PNG, WebP 파일만 올릴 수 있습니다. SVG나 HTML 같은 다른 파일은 받지 않습니다.',
    en: 'Only JPEG, PNG and WebP images can be uploaded. SVG, HTML and other files are not accepted.',
  },
  'errors.media_too_large': {
    ko: '사진 파일이 너무 큽니다. {mb}MB 이하로 올려 주십시오.',
    en: 'The image file is too large. Please upload at most {mb} MB.',
  },
  'errors.media_too_many_pixels': {
    ko: '사진이 너무 큽니다. 가로와 세로가 각각 {max}픽셀 이하인 사진을 올려 주십시오.',
    en: 'The image is too large. Please upload one at most {max} pixels wide and high.',
  },
  'errors.media_damaged': {
    ko: '사진 파일을 읽을 수 없습니다. 파일이 손상되었을 수 있으니 다른 파일을 올려 주십시오.',
    en: 'The image file could not be read. It may be damaged; please upload another file.',
  },
  'errors.media_not_found': { ko: '사진을 찾을 수 없습니다.', en: 'The image was not found.' },
};
