// Uploaded images (사진), for modules: checked, cleaned and kept per organization, served at /api/v1/media/:id.
export { checkImage, sniffImageType } from './image.ts';
export {
  acceptImageBodies,
  deleteImage,
  IMAGE_BODY_LIMIT,
  imageRefs,
  releaseImage,
  storeImage,
  withholdImage,
} from './store.ts';
export { mediaImages } from './tables.ts';
