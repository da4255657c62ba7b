// @ts-check
// How late an incident is, at a glance: the colour of its "since call" and "time in status" cells,
// and the order of the board (priority, then age). Targets come from the server's settings.

const beforeScene = ['pending', 'dispatched', 'acknowledged', 'enRoute'];
const turnout = ['dispatched', 'acknowledged'];
// NFPA 1710 turnout (unit notified -> en route): 60 s (DOMAIN.md); amber at three quarters.
const turnoutSeconds = 60;

/** The earlier of the call's telephony time and its arrival at the server (a PBX clock ahead of ours counts from arrival). */
export const callStart = call => (call.ingestedAt && call.ingestedAt < call.receivedAt ? call.ingestedAt : call.receivedAt);

/** 'late' past the triage's target, 'warn' from two thirds of it, '' otherwise (on scene, or no target). */
export function sinceCallLevel(incident, seconds, config) {
  const target = config.triageTargetSeconds?.[incident.triage];
  if (!target || !beforeScene.includes(incident.status)) return '';
  return seconds >= target ? 'late' : seconds >= target * 2 / 3 ? 'warn' : '';
}

/** Waiting for a unit: against Console:WaitingAlarmSeconds; turnout: against 60 s; other statuses are not timed. */
export function inStatusLevel(incident, seconds, config) {
  const limit = incident.status === 'pending' ? config.waitingAlarmSeconds : turnout.includes(incident.status) ? turnoutSeconds : 0;
  if (!limit) return '';
  return seconds >= limit ? 'late' : seconds >= limit * 3 / 4 ? 'warn' : '';
}

/** A merah incident still waiting for a unit after Console:WaitingAlarmSeconds: the console pulses and sounds. */
export const alarmAfter = (incident, secondsInStatus, config) =>
  incident.status === 'pending' && incident.triage === 'merah' && secondsInStatus >= config.waitingAlarmSeconds;

export const alarming = (incident, config, now = Date.now()) =>
  !!incident.statusSince && alarmAfter(incident, (now - Date.parse(incident.statusSince)) / 1000, config);

const priorityRank = { P1: 1, P2: 2, P3: 3, none: 4, None: 4 };

/** Most urgent first: priority, then the oldest call. */
export const byUrgency = (a, b) =>
  (priorityRank[a.priority] ?? 5) - (priorityRank[b.priority] ?? 5) || Date.parse(a.times.callReceived) - Date.parse(b.times.callReceived);

/**
 * The oldest notification of a unit still waiting for its crew's acknowledgement (an active
 * response in status dispatched), or null when every unit sent has answered.
 * @param {IncidentView} incident
 */
export const unacknowledgedSince = incident => (incident.responses ?? [])
  .filter(r => r.status === 'dispatched' && !r.endedAt)
  .map(r => r.notifiedAt).sort()[0] ?? null;

/** A response not acknowledged within Dispatch:AcknowledgeTimeoutSeconds: flagged on the board, and sounds. */
export const ackLate = (incident, config, now = Date.now()) => {
  const since = unacknowledgedSince(incident);
  return !!since && (now - Date.parse(since)) / 1000 >= (config.acknowledgeTimeoutSeconds ?? 60);
};
