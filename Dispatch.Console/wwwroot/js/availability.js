// @ts-check
// A hospital's reported availability and its age, as operators, crews and the hospital read it.
import { duration } from './common.js';
import { t, edStatusText, bedKindText } from './i18n.js';

/** The kinds of bed a hospital reports, in the server's order (Dispatch.Core/Facilities/Availability.cs). */
export const bedKinds = ['igd', 'icu', 'picu', 'nicu', 'isolation', 'maternity', 'operatingTheatre'];

/**
 * How old a reported value is: "12 menit lalu".
 * @param {string | null | undefined} iso
 */
export function ageText(iso) {
  if (!iso) return t('facilityNever');
  const minutes = Math.floor((Date.now() - new Date(iso).getTime()) / 60000);
  if (minutes < 1) return t('ageNow');
  if (minutes < 60) return t('ageMinutes', { n: minutes });
  if (minutes < 48 * 60) return t('ageHours', { n: Math.floor(minutes / 60) });
  return t('ageDays', { n: Math.floor(minutes / 1440) });
}

/**
 * One line: "IGD sibuk · IGD 3 · ICU 0 · diperbarui 12 menit lalu", or that nothing was reported.
 * @param {Availability | null | undefined} a
 */
export function availabilityText(a) {
  if (!a) return t('availabilityNone');
  const parts = [];
  if (a.edStatus) parts.push(`${t('facilityStatus')}: ${edStatusText(a.edStatus)}`);
  for (const kind of bedKinds) if (a.beds[kind] !== undefined) parts.push(`${bedKindText(kind)} ${a.beds[kind]}`);
  parts.push(t('facilityUpdated', { age: ageText(a.updatedAt) }));
  return parts.join(' · ');
}

/**
 * The travel time to a destination, labelled when it is a straight-line estimate.
 * @param {{ etaSeconds: number | null, etaBasis: string | null }} d
 */
export function etaText(d) {
  if (d.etaSeconds === null || d.etaSeconds === undefined) return '';
  return t(d.etaBasis === 'road' ? 'destinationEta' : 'destinationStraight', { eta: duration(d.etaSeconds) });
}
