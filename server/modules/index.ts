import { administrationModule } from './administration/index.ts';
import { bookingModule } from './booking/index.ts';
import { governanceModule } from './governance/index.ts';
import { socialEconomyModule } from './social-economy/index.ts';
import { youthModule } from './youth/index.ts';

// The district's modules, in the order their routes register. The composition root
// (server/composition.ts) installs them after the platform; nothing else lists them.
export const domainModules = [
  administrationModule,
  socialEconomyModule,
  youthModule,
  bookingModule,
  governanceModule,
];
