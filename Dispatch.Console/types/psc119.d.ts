// Types for the front end's type check only (tsconfig.json: tsc --noEmit); never served. The
// modules in wwwroot/js name these in JSDoc (`@param {IncidentView} incident`) without importing.
// Payloads follow the server's records (camelCase JSON, enums as camelCase strings); keep them in
// step when a record changes: Dispatch.Api/Incidents/IncidentView.cs, AssignmentView.cs,
// Calls/CallView.cs, Units/UnitView.cs, Dispatch.Core/Recommendation/Candidate.cs.

declare global {
  // The libraries the pages load with <script> as globals (lib/leaflet, lib/signalr, lib/chartjs).
  const L: typeof import('leaflet');
  const signalR: typeof import('@microsoft/signalr');
  const Chart: typeof import('chart.js').Chart;

  /** An ISO 8601 instant in UTC, as the server writes DateTimeOffset. */
  type Instant = string;

  interface Area { code: string; name: string }
  interface PointView { lat: number; lon: number }

  /** The time points of an incident (DOMAIN.md, after NEMSIS eTimes); an incident always has its call's and its own. */
  interface IncidentTimes {
    callReceived: Instant; callAnswered: Instant | null; created: Instant;
    unitNotified: Instant | null; acknowledged: Instant | null; enRoute: Instant | null;
    onScene: Instant | null; leftScene: Instant | null; atDestination: Instant | null;
    handover: Instant | null; backInService: Instant | null; closed: Instant | null; cancelled: Instant | null;
  }

  interface Interval { name: string; seconds: number | null; invalid: string | null }

  /** An incident on the wire (boards, IncidentChanged). */
  interface IncidentView {
    id: number; callId: number; status: string; triage: string | null; priority: string;
    isEmergency: boolean; isMajor: boolean; category: string; patientCount: number; location: PointView | null; missing?: string | null;
    address: string | null; complaint: string | null; kelurahan: Area | null; kecamatan: Area | null;
    unitId: number | null; destinationId: number | null; cancelReason: string | null; createdBy: string;
    times: IncidentTimes; statusSince: Instant | null; intervals: Interval[]; waitingForUnit: boolean;
    responses: ResponseView[]; version: number;
  }

  /** One unit sent to an incident, with its own time points (IncidentView.responses). */
  interface ResponseView {
    id: number; unitId: number; callSign: string; status: string; notifiedAt: Instant; notifiedBy: string;
    acknowledgedAt: Instant | null; enRouteAt: Instant | null; onSceneAt: Instant | null; leftSceneAt: Instant | null;
    atDestinationAt: Instant | null; handoverAt: Instant | null; backInServiceAt: Instant | null;
    destinationId: number | null; endedAt: Instant | null;
    /** completed, released, diverted, declined or cancelled; null while active. */
    endReason: string | null; endNote: string | null; divertedToIncidentId: number | null;
    /** How the latest status came: crew or radio. */
    via: string | null;
  }

  /** A note on an incident (GET/POST /api/incidents/{id}/notes, NoteAdded). */
  interface NoteView { id: number; incidentId: number; at: Instant; author: string; unitId: number | null; callSign: string | null; text: string }

  /** A patient of an incident (GET/POST/PUT /api/incidents/{id}/patients, PatientChanged; issue 15). */
  interface PatientView {
    id: string; incidentId: number; name: string | null; age: number | null; ageGroup: 'infant' | 'child' | 'adult' | 'elderly' | null;
    sex: 'male' | 'female' | 'unknown' | null; triage: 'merah' | 'kuning' | 'hijau' | 'hitam' | null; icd10: string | null; icd10Listed: boolean | null; treatments: string[];
    outcome: 'treatedOnScene' | 'transported' | 'refused' | 'died' | null; destinationId: number | null; sisruteRef: string | null;
    handoverAt: Instant | null; receivedBy: string | null; updatedAt: Instant; version: number; observations: ObservationView[];
    /** What the record still lacks (destinationId, handoverAt): flagged, never refused; absent on a record not yet sent. */
    missing?: string[];
  }

  /** One set of observations (mmHg, /min, %, GCS, degC, mg/dL). */
  interface ObservationView {
    id: string; at: Instant; recordedBy: string; systolic: number | null; diastolic: number | null; pulse: number | null; respRate: number | null;
    spo2: number | null; gcs: number | null; temperature: number | null; glucose: number | null;
  }

  interface LocationView { lat: number; lon: number; accuracyMeters: number | null }

  /** A call on the wire (queue, CallReceived, CallUpdated). */
  interface CallView {
    id: number; externalId: string; callerNumber: string | null; receivedAt: Instant; source: string;
    location: LocationView | null; flags: string[]; status: string; answeredBy: string | null;
    answeredAt: Instant | null; outcome: string | null; closedAt: Instant | null; incidentId: number | null;
    ingestedAt: Instant; version: number;
  }

  interface PositionView { lat: number; lon: number; accuracyMeters: number | null; at: Instant }

  /** A unit on the wire (units board, UnitChanged). */
  interface UnitView {
    id: number; callSign: string; plate: string; type: string; homeStationId: number | null;
    status: string; available: boolean; incidentId: number | null; lastPosition: PositionView | null; version: number;
  }

  /** What a crew receives (GET /api/units/{id}/assignment, AssignmentOffered). */
  interface AssignmentView {
    id: number; incidentId: number; unitId: number; offeredAt: Instant; offeredBy: string;
    acknowledgedAt: Instant | null; triage: string; priority: string; location: PointView;
    address: string | null; complaint: string | null; kelurahan: string | null; patientCount: number;
    /** The response's own status (dispatched, acknowledged, enRoute... ended). */
    status: string;
    incidentStatus: string;
    /** On a withdrawal: released, diverted, cancelled (or declined). */
    reason: string | null; reasonText: string | null; divertedToIncidentId: number | null;
    category: string; isEmergency: boolean; isMajor: boolean;
    callerNumber: string | null; canAcknowledge: boolean; canDecline: boolean; otherUnits: string[];
    nextStatuses: string[]; nextStatusesAfter: Record<string, string[]>;
  }

  /** One recommended unit (GET /api/incidents/{id}/recommendation). */
  interface Candidate {
    rank: number; unitId: number; callSign: string; type: string; distanceMeters: number; etaSeconds: number;
    positionSource: string; positionAgeSeconds: number | null; alsPreferenceApplied: boolean; reason: string;
    etaBasis: string; roadMeters: number | null;
    /** A unit on its way to a less urgent incident, which it would leave if diverted. */
    divertFrom: { incidentId: number; triage: string } | null;
  }

  // Issue 15, hospital availability and pre-notification: Dispatch.Api/Facilities/FacilityView.cs,
  // DestinationDesk.cs, PreNotificationView.cs.
  /** What a hospital last reported; null on the wire when it never did. */
  interface Availability {
    edStatus: string | null; beds: Record<string, number>; updatedAt: Instant;
    edStatusAt: Instant | null; bedsAt: Record<string, Instant>; warn: boolean;
  }
  /** GET /api/facilities. */
  interface FacilityView { id: number; name: string; kind: string; lat: number; lon: number; isSample: boolean; code: string | null; availability: Availability | null }
  /** GET /api/units/{id}/destinations: nearest first. */
  interface DestinationView {
    id: number; name: string; kind: string; etaSeconds: number | null; meters: number | null; etaBasis: string | null; note: string | null;
    availability: Availability | null; warn: boolean;
  }
  /** A patient heading to a hospital (GET /api/facilities/{id}/prenotifications, PreNotification pushes). */
  interface PreNotificationView {
    responseId: number; incidentId: number; facilityId: number; unitId: number; callSign: string; status: string; triage: string;
    patientCount: number; complaint: string | null; chosenAt: Instant; etaSeconds: number | null; etaBasis: string | null;
    acknowledgedAt: Instant | null; acknowledgedBy: string | null; patients: IncomingPatient[];
  }
  /** A crew's patient record as the receiving hospital sees it (no name, no treatments): Facilities/PreNotificationView.cs. */
  interface IncomingPatient {
    id: string; triage: PatientView['triage']; age: number | null; ageGroup: PatientView['ageGroup']; sex: PatientView['sex'];
    icd10: string | null; latest: ObservationView | null;
  }

  // Protocol cards (issue 15): Dispatch.Core/Protocols/ProtocolCard.cs, Dispatch.Api/Protocols/ProtocolRequests.cs.
  interface LocalText { id: string; en: string }
  interface ProtocolQuestion { id: string; kind: 'yesNo' | 'choice'; text: LocalText; choices: { id: string; text: LocalText }[] }
  interface ProtocolCard {
    id: string; version: number; title: LocalText; keywords: string[]; questions: ProtocolQuestion[];
    rules: { when: Record<string, string>; triage: string; instructions: LocalText[] | null; metronome: boolean }[]; defaultTriage: string; instructions: LocalText[];
    metronome: boolean; sources: { title: string; publisher: string; year: number; url: string }[];
    approval: { status: string; approvedBy: string | null; note: string | null };
  }
  interface ProtocolResult {
    cardId: string; cardVersion: number; suggestedTriage: string; currentTriage: string; ruleIndex: number | null;
    instructions: LocalText[]; metronome: boolean; sample: boolean;
  }
  // Planning (issue 16): Dispatch.Api/Planning/PlanningSetup.cs and the simulation records.
  interface PlanningSetup {
    stations: { id: number; name: string; kind: string; lat: number; lon: number; isSample: boolean }[];
    units: { id: number; callSign: string; type: string; homeStationId: number | null }[];
    targetSeconds: Record<string, number | null>;
  }
  interface ScenarioStation {
    id: number | null; key: string | null; name: string; lat: number; lon: number;
    original: PlanningSetup['stations'][number] | null; remove: boolean; marker: any;
  }
  interface ScenarioUnit { id: number | null; callSign: string; type: string; home: string; shift: string; original: PlanningSetup['units'][number] | null; remove: boolean }
  interface TriageOutcome {
    incidents: number; mean: number | null; median: number | null; p90: number | null; targetSeconds: number | null;
    onTarget: number; compliance: number | null; late: number;
  }
  interface SimulationOutcome {
    byTriage: Record<string, TriageOutcome | undefined>; late: number; waited: number;
    byKelurahan: { code: string; name: string; incidents: number; median: number | null; p90: number | null; late: number; compliance: number | null }[];
    units: { id: number | null; callSign: string; station: string | null; responses: number; busySeconds: number; utilisation: number | null }[];
  }
  interface SimulationResult {
    id: string; status: 'queued' | 'running' | 'done' | 'failed'; progress: number; error: string | null; from: string; to: string; name: string | null;
    createdAt: string; createdBy: string; basis: string; calls: number; skipped: { noLocation: number };
    scenario: SimulationOutcome; baseline: SimulationOutcome; request: any;
  }
  /** A hub push or a row of /api/events: the payload of one of the hub's event types, with its sequence number. */
  interface DispatchEvent { seq: number; type?: string; [field: string]: any }
  // ---- Planning (issue 16): coverage, placement, calibration (Dispatch.Api/Planning/*Views.cs) ----
  type TravelBasis = 'road' | 'straightLine';
  interface CoverageView {
    from: string; to: string; targetSeconds: number; basis: TravelBasis; demand: number; demandPoints: number;
    expectedCoverage: number; expectedLate: number; skipped: { noLocation: number; unknownTriage: number };
    units: { id: number; callSign: string; stationId: number | null; busyFraction: number }[];
    stations: { id: number; name: string; lat: number; lon: number; units: number }[];
    facilities: { id: number; name: string; kind: string; lat: number; lon: number }[];
    kelurahan: { code: string | null; name: string | null; incidents: number; expectedCoverage: number; expectedUncovered: number }[];
  }
  interface PlacementCandidateInput { lat: number; lon: number; name: string }
  interface PlacementSiteView { lat: number; lon: number; name: string | null; facilityId: number | null; stationId: number | null }
  interface PlacementView {
    from: string; to: string; targetSeconds: number; basis: TravelBasis; method: 'exact' | 'greedy'; addedBusyFraction: number;
    baseline: { expectedCoverage: number; expectedLate: number };
    additions: { rank: number; sites: PlacementSiteView[]; expectedCoverage: number; gain: number; expectedLate: number }[];
    moves: { rank: number; stationId: number; stationName: string; to: PlacementSiteView; expectedCoverage: number; gain: number; expectedLate: number }[];
  }
  interface CalibrationView {
    from: string; to: string; basis: TravelBasis; observations: number; used: number; minObservations: number;
    factors: { all: number } | null;
    current: { basis: TravelBasis; factors: { all: number }; acceptedBy: string; acceptedAt: Instant } | null;
    fit: { r2: number; maeSeconds: number; medianRatio: number } | null;
    points: { predicted: number; observed: number }[];
  }
}
export {};
