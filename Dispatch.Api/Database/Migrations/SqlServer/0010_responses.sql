-- An incident has many unit responses (issue 13), one per unit sent, each with its own status and
-- time points (NEMSIS keeps eTimes per unit). The incident row keeps its derived first-unit time
-- points, status and primary unit for the reports. Times are UTC milliseconds.
CREATE TABLE responses (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    unit_id BIGINT NOT NULL REFERENCES units(id),
    call_sign NVARCHAR(50) NOT NULL,
    status NVARCHAR(20) NOT NULL,
    notified_by NVARCHAR(100) NOT NULL,
    notified_at BIGINT NOT NULL,
    acknowledged_at BIGINT,
    en_route_at BIGINT,
    on_scene_at BIGINT,
    left_scene_at BIGINT,
    at_destination_at BIGINT,
    handover_at BIGINT,
    back_in_service_at BIGINT,
    destination_id BIGINT REFERENCES stations(id),
    ended_at BIGINT,
    end_reason NVARCHAR(20),
    end_note NVARCHAR(1000),
    diverted_to_incident_id BIGINT REFERENCES incidents(id),
    via NVARCHAR(10),
    -- The incident's call time, copied (it never changes) so a report's time range reads the
    -- responses alone.
    call_received_at BIGINT
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
    CASE WHEN a.ended_at IS NOT NULL THEN N'Ended'
         WHEN i.status IN (N'Dispatched', N'Acknowledged', N'EnRoute', N'OnScene', N'Transporting', N'AtDestination', N'Handover') THEN i.status
         ELSE N'Dispatched' END,
    a.offered_by, a.offered_at, a.acknowledged_at,
    CASE WHEN l.last_id = a.id THEN i.en_route_at END,
    CASE WHEN l.last_id = a.id THEN i.on_scene_at END,
    CASE WHEN l.last_id = a.id THEN i.left_scene_at END,
    CASE WHEN l.last_id = a.id THEN i.at_destination_at END,
    CASE WHEN l.last_id = a.id THEN i.handover_at END,
    CASE WHEN l.last_id = a.id AND a.end_reason = N'completed' THEN COALESCE(i.back_in_service_at, a.ended_at) END,
    CASE WHEN l.last_id = a.id THEN i.destination_id END,
    a.ended_at,
    CASE WHEN a.ended_at IS NULL THEN NULL
         WHEN a.end_reason = N'completed' THEN N'Completed'
         WHEN a.end_reason LIKE N'%cancelled%' THEN N'Cancelled'
         ELSE N'Released' END,
    CASE WHEN a.ended_at IS NOT NULL AND a.end_reason <> N'completed' AND a.end_reason NOT LIKE N'%cancelled%' THEN LEFT(a.end_reason, 1000) END,
    i.call_received_at
FROM assignments a
JOIN incidents i ON i.id = a.incident_id
JOIN (SELECT incident_id, MAX(id) AS last_id FROM assignments GROUP BY incident_id) l ON l.incident_id = a.incident_id;

-- Incidents with a unit but no assignment (imported history) get one completed response.
INSERT INTO responses (incident_id, unit_id, call_sign, status, notified_by, notified_at, acknowledged_at, en_route_at, on_scene_at,
    left_scene_at, at_destination_at, handover_at, back_in_service_at, destination_id, ended_at, end_reason, call_received_at)
SELECT i.id, i.unit_id, (SELECT u.call_sign FROM units u WHERE u.id = i.unit_id), N'Ended', i.created_by, COALESCE(i.unit_notified_at, i.created_at, i.call_answered_at, i.call_received_at, 0),
    i.acknowledged_at, i.en_route_at, i.on_scene_at, i.left_scene_at, i.at_destination_at, i.handover_at, i.back_in_service_at,
    i.destination_id,
    COALESCE(i.back_in_service_at, i.cancelled_at, i.closed_at, i.handover_at, i.at_destination_at, i.on_scene_at, i.unit_notified_at, i.created_at, i.call_received_at, 0),
    CASE WHEN i.status = N'Cancelled' THEN N'Cancelled' ELSE N'Completed' END,
    i.call_received_at
FROM incidents i
WHERE i.unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.incident_id = i.id);

DROP INDEX ux_incidents_busy_unit ON incidents;
DROP TABLE assignments;

-- A major (mass-casualty) incident, reported as is_krisis.
ALTER TABLE incidents ADD is_major BIT NOT NULL CONSTRAINT df_incidents_is_major DEFAULT 0;

-- Notes on an incident by operators and by the crews on it; the application only appends (no
-- trigger: personal data in a note must stay erasable, see issue 14).
CREATE TABLE incident_notes (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    at BIGINT NOT NULL,
    author NVARCHAR(100) NOT NULL,
    unit_id BIGINT REFERENCES units(id),
    text NVARCHAR(2000) NOT NULL
);
CREATE INDEX ix_incident_notes_incident ON incident_notes (incident_id, id);
