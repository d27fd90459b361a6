import { z } from 'zod';

/** Whether sign-in with an external OpenID Connect provider is offered, and its display name. */
export const OidcInfo = z.object({ enabled: z.boolean(), name: z.string().optional() });
export type OidcInfoView = z.infer<typeof OidcInfo>;
