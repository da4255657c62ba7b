-- An incident has many unit responses (issue 13), one per unit sent, each with its own status and
-- time points (NEMSIS keeps eTimes per unit). The incident row keeps its derived first-unit time
-- points, status and primary unit for the reports. Times are UTC milliseconds.
CREATE TABLE responses (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    call_sign TEXT NOT NULL,
    status TEXT NOT NULL,
    notified_by TEXT NOT NULL,
    notified_at INTEGER NOT NULL,
    acknowledged_at INTEGER,
    en_route_at INTEGER,
    on_scene_at INTEGER,
    left_scene_at INTEGER,
    at_destination_at INTEGER,
    handover_at INTEGER,
    back_in_service_at INTEGER,
    destination_id INTEGER REFERENCES stations(id),
    ended_at INTEGER,
    end_reason TEXT,
    end_note TEXT,
    diverted_to_incident_id INTEGER REFERENCES incidents(id),
    via TEXT,
    -- The incident's call time, copied (it never changes) so a report's time range reads the
    -- responses alone.
    call_received_at INTEGER
);
CREATE INDEX ix_responses_incident ON responses (incident_id);
CREATE INDEX ix_responses_unit ON responses (unit_id, notified_at);
-- The database itself guarantees one unit is never on two incidents at once.
CREATE UNIQUE INDEX ux_responses_active_unit ON responses (unit_id) WHERE ended_at IS NULL;

-- Every assignment becomes a response; the latest one of each incident carries the incident's
-- time points from en route on (before, the incident held one unit's times).
INSERT INTO responses (incident_id, unit_id, call_sign, status, notified_by, notified_at, acknowledged_at, en_route_at, on_scene_at,
    left_scene_at, at_destination_at, handover_at, back_in_service_at, destination_id, ended_at, end_reason, end_note, call_received_at)
SELECT a.incident_id, a.unit_id, (SELECT u.call_sign FROM units u WHERE u.id = a.unit_id),
    CASE WHEN a.ended_at IS NOT NULL THEN 'Ended'
         WHEN i.status IN ('Dispatched', 'Acknowledged', 'EnRoute', 'OnScene', 'Transporting', 'AtDestination', 'Handover') THEN i.status
         ELSE 'Dispatched' END,
    a.offered_by, a.offered_at, a.acknowledged_at,
    CASE WHEN l.last_id = a.id THEN i.en_route_at END,
    CASE WHEN l.last_id = a.id THEN i.on_scene_at END,
    CASE WHEN l.last_id = a.id THEN i.left_scene_at END,
    CASE WHEN l.last_id = a.id THEN i.at_destination_at END,
    CASE WHEN l.last_id = a.id THEN i.handover_at END,
    CASE WHEN l.last_id = a.id AND a.end_reason = 'completed' THEN COALESCE(i.back_in_service_at, a.ended_at) END,
    CASE WHEN l.last_id = a.id THEN i.destination_id END,
    a.ended_at,
    CASE WHEN a.ended_at IS NULL THEN NULL
         WHEN a.end_reason = 'completed' THEN 'Completed'
         WHEN a.end_reason LIKE '%cancelled%' THEN 'Cancelled'
         ELSE 'Released' END,
    CASE WHEN a.ended_at IS NOT NULL AND a.end_reason <> 'completed' AND a.end_reason NOT LIKE '%cancelled%' THEN a.end_reason END,
    i.call_received_at
FROM assignments a
JOIN incidents i ON i.id = a.incident_id
JOIN (SELECT incident_id, MAX(id) AS last_id FROM assignments GROUP BY incident_id) l ON l.incident_id = a.incident_id;

-- Incidents with a unit but no assignment (imported history) get one completed response.
INSERT INTO responses (incident_id, unit_id, call_sign, status, notified_by, notified_at, acknowledged_at, en_route_at, on_scene_at,
    left_scene_at, at_destination_at, handover_at, back_in_service_at, destination_id, ended_at, end_reason, call_received_at)
SELECT i.id, i.unit_id, (SELECT u.call_sign FROM units u WHERE u.id = i.unit_id), 'Ended', i.created_by, COALESCE(i.unit_notified_at, i.created_at, i.call_answered_at, i.call_received_at, 0),
    i.acknowledged_at, i.en_route_at, i.on_scene_at, i.left_scene_at, i.at_destination_at, i.handover_at, i.back_in_service_at,
    i.destination_id,
    COALESCE(i.back_in_service_at, i.cancelled_at, i.closed_at, i.handover_at, i.at_destination_at, i.on_scene_at, i.unit_notified_at, i.created_at, i.call_received_at, 0),
    CASE WHEN i.status = 'Cancelled' THEN 'Cancelled' ELSE 'Completed' END,
    i.call_received_at
FROM incidents i
WHERE i.unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.incident_id = i.id);

DROP INDEX ux_incidents_busy_unit;
DROP TABLE assignments;

-- A major (mass-casualty) incident, reported as is_krisis.
ALTER TABLE incidents ADD COLUMN is_major INTEGER NOT NULL DEFAULT 0;

-- Notes on an incident by operators and by the crews on it; the application only appends (no
-- trigger: personal data in a note must stay erasable, see issue 14).
CREATE TABLE incident_notes (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    at INTEGER NOT NULL,
    author TEXT NOT NULL,
    unit_id INTEGER REFERENCES units(id),
    text TEXT NOT NULL
);
CREATE INDEX ix_incident_notes_incident ON incident_notes (incident_id, id);
