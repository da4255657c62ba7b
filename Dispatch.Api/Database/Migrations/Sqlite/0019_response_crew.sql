-- The crew on each response (issue 15; the national report's "crew"): the crew members bound to
-- the unit when it was sent, and any crew member who later acted on the response from the unit's
-- phone. Names are kept as they were then (display_name), so a later rename or unbinding does not
-- rewrite who went.
CREATE TABLE response_crew (
    response_id INTEGER NOT NULL REFERENCES responses(id),
    user_name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    joined_at INTEGER NOT NULL,
    PRIMARY KEY (response_id, user_name)
);

-- Responses from before this table: the crew members who acted on them (the log names them).
INSERT INTO response_crew (response_id, user_name, display_name, joined_at)
SELECT r.id, u.user_name, u.display_name, MIN(l.at)
FROM responses r
JOIN incident_log l ON l.incident_id = r.incident_id AND l.unit_id = r.unit_id
JOIN users u ON u.user_name = l.actor AND u.role = 'crew'
GROUP BY r.id, u.user_name, u.display_name;
