import { z } from 'zod';

/**
 * The district modules this installation runs (`defineModule` names, e.g. `youth`), so the web can
 * turn a "준비 중" card into the real entry once the module providing it is installed.
 */
export const InstalledModulesView = z.object({ modules: z.array(z.string()) });
export type InstalledModulesView = z.infer<typeof InstalledModulesView>;
