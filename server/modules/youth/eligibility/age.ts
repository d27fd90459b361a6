// Age in full years (만 나이): the shared rule's counting (platform/eligibility).
export { isRealDate } from '../../../../contracts/youth-eligibility.ts';
export { fullYearsOn } from '../../../platform/eligibility/index.ts';
