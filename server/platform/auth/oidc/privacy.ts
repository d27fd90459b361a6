import { eq } from 'drizzle-orm';
import { registerAccountEraser } from '../../privacy/erase.ts';
import { registerPersonalDataExporter } from '../../privacy/export.ts';
import { userIdentities } from './tables.ts';

// Linked provider accounts are personal data: shown in "download my data", removed with the account.
registerPersonalDataExporter('linkedIdentities', async (db, userId) =>
  db
    .select({
      issuer: userIdentities.issuer,
      subject: userIdentities.subject,
      createdAt: userIdentities.createdAt,
      lastLoginAt: userIdentities.lastLoginAt,
    })
    .from(userIdentities)
    .where(eq(userIdentities.userId, userId)),
);

registerAccountEraser('linkedIdentities', async (tx, userId) => {
  await tx.delete(userIdentities).where(eq(userIdentities.userId, userId));
});
