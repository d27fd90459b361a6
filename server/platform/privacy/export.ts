import type { DbOrTx } from '../db/connect.ts';
import { assertModulesInstalled } from '../modules/installed.ts';

// "Download my data": every module that holds personal data declares an exporter, and the
// export is the union of their answers, one section per name.
export type PersonalDataExporter = (db: DbOrTx, userId: string) => Promise<unknown>;

const exporters = new Map<string, PersonalDataExporter>();

export function registerPersonalDataExporter(name: string, exporter: PersonalDataExporter): void {
  if (exporters.has(name)) throw new Error(`Personal data exporter ${name} is registered twice`);
  exporters.set(name, exporter);
}

export async function exportPersonalData(db: DbOrTx, userId: string): Promise<Record<string, unknown>> {
  assertModulesInstalled('Personal data exporters');
  const sections: Record<string, unknown> = {};
  for (const [name, exporter] of exporters) sections[name] = await exporter(db, userId);
  return sections;
}
