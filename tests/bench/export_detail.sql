-- export_detail.sql - `ownit export --detail` for the sqlite3 shell: the
-- reference that the detail export is timed against.
--
--   sqlite3 -batch -readonly -csv -header DB < tests/bench/export_detail.sql
--
-- The same 33 columns and rows as src/core/io/csvexport.c: every person (by
-- name, any letter case), then session by session in start order the
-- session, its answers and ratings (in the order given), its ladder and
-- ladder steps (by rung), the commitments made in it and its note, then
-- every team round with its tallies; ids are uuids, times as stored.  The
-- free-text and id columns are guarded with a leading ' as
-- csvexport_guard_needed says; the typed columns (record, uuids, due,
-- times, day, round) and the numbers never are.  Sessions stream from the
-- index on their start time and each session's rows are put in order in a
-- small sort of their own, so nothing sorts the whole table.  Each part of
-- a session joins only its own table: the other joins look up NULL, which
-- finds nothing at once (faster than testing the part in the ON clause).
SELECT
  p.record,
  p.uuid,
  p.person,
  p.session,
  CASE WHEN p.name IS NULL OR p.name = '' OR (p.name NOT GLOB '*[^0-9]*'
      AND length(p.name) <= 15 AND (p.name NOT GLOB '0*' OR p.name = '0')) THEN p.name
    WHEN unicode(p.name) < 128 AND NOT lower(substr(p.name, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || p.name
    WHEN lower(p.name) IN ('true', 'false') OR substr(p.name, 1, 4) = 'Err:'
      THEN '''' || p.name
    ELSE p.name END AS name,
  CASE WHEN p.role IS NULL OR p.role = '' OR (p.role NOT GLOB '*[^0-9]*'
      AND length(p.role) <= 15 AND (p.role NOT GLOB '0*' OR p.role = '0')) THEN p.role
    WHEN unicode(p.role) < 128 AND NOT lower(substr(p.role, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || p.role
    WHEN lower(p.role) IN ('true', 'false') OR substr(p.role, 1, 4) = 'Err:'
      THEN '''' || p.role
    ELSE p.role END AS role,
  CASE WHEN p.team IS NULL OR p.team = '' OR (p.team NOT GLOB '*[^0-9]*'
      AND length(p.team) <= 15 AND (p.team NOT GLOB '0*' OR p.team = '0')) THEN p.team
    WHEN unicode(p.team) < 128 AND NOT lower(substr(p.team, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || p.team
    WHEN lower(p.team) IN ('true', 'false') OR substr(p.team, 1, 4) = 'Err:'
      THEN '''' || p.team
    ELSE p.team END AS team,
  p.archived,
  p.kind,
  CASE WHEN p.coach IS NULL OR p.coach = '' OR (p.coach NOT GLOB '*[^0-9]*'
      AND length(p.coach) <= 15 AND (p.coach NOT GLOB '0*' OR p.coach = '0')) THEN p.coach
    WHEN unicode(p.coach) < 128 AND NOT lower(substr(p.coach, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || p.coach
    WHEN lower(p.coach) IN ('true', 'false') OR substr(p.coach, 1, 4) = 'Err:'
      THEN '''' || p.coach
    ELSE p.coach END AS coach,
  p.status,
  CASE WHEN p.content_version IS NULL OR p.content_version = '' OR (p.content_version NOT GLOB '*[^0-9]*'
      AND length(p.content_version) <= 15 AND (p.content_version NOT GLOB '0*' OR p.content_version = '0')) THEN p.content_version
    WHEN unicode(p.content_version) < 128 AND NOT lower(substr(p.content_version, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || p.content_version
    WHEN lower(p.content_version) IN ('true', 'false') OR substr(p.content_version, 1, 4) = 'Err:'
      THEN '''' || p.content_version
    ELSE p.content_version END AS content_version,
  p.step,
  CASE WHEN p.item IS NULL OR p.item = '' OR (p.item NOT GLOB '*[^0-9]*'
      AND length(p.item) <= 15 AND (p.item NOT GLOB '0*' OR p.item = '0')) THEN p.item
    WHEN unicode(p.item) < 128 AND NOT lower(substr(p.item, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || p.item
    WHEN lower(p.item) IN ('true', 'false') OR substr(p.item, 1, 4) = 'Err:'
      THEN '''' || p.item
    ELSE p.item END AS item,
  p.value,
  CASE WHEN p.text IS NULL OR p.text = '' OR (p.text NOT GLOB '*[^0-9]*'
      AND length(p.text) <= 15 AND (p.text NOT GLOB '0*' OR p.text = '0')) THEN p.text
    WHEN unicode(p.text) < 128 AND NOT lower(substr(p.text, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || p.text
    WHEN lower(p.text) IN ('true', 'false') OR substr(p.text, 1, 4) = 'Err:'
      THEN '''' || p.text
    ELSE p.text END AS text,
  CASE WHEN p.note IS NULL OR p.note = '' OR (p.note NOT GLOB '*[^0-9]*'
      AND length(p.note) <= 15 AND (p.note NOT GLOB '0*' OR p.note = '0')) THEN p.note
    WHEN unicode(p.note) < 128 AND NOT lower(substr(p.note, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || p.note
    WHEN lower(p.note) IN ('true', 'false') OR substr(p.note, 1, 4) = 'Err:'
      THEN '''' || p.note
    ELSE p.note END AS note,
  p.start_rung,
  p.reached_rung,
  p.rung,
  CASE WHEN p.owner IS NULL OR p.owner = '' OR (p.owner NOT GLOB '*[^0-9]*'
      AND length(p.owner) <= 15 AND (p.owner NOT GLOB '0*' OR p.owner = '0')) THEN p.owner
    WHEN unicode(p.owner) < 128 AND NOT lower(substr(p.owner, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || p.owner
    WHEN lower(p.owner) IN ('true', 'false') OR substr(p.owner, 1, 4) = 'Err:'
      THEN '''' || p.owner
    ELSE p.owner END AS owner,
  p.due,
  p.reviewed_in,
  CASE WHEN p.obstacle IS NULL OR p.obstacle = '' OR (p.obstacle NOT GLOB '*[^0-9]*'
      AND length(p.obstacle) <= 15 AND (p.obstacle NOT GLOB '0*' OR p.obstacle = '0')) THEN p.obstacle
    WHEN unicode(p.obstacle) < 128 AND NOT lower(substr(p.obstacle, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || p.obstacle
    WHEN lower(p.obstacle) IN ('true', 'false') OR substr(p.obstacle, 1, 4) = 'Err:'
      THEN '''' || p.obstacle
    ELSE p.obstacle END AS obstacle,
  p.time,
  p.closed,
  p.no_occasion,
  p.regulated,
  CASE WHEN p.helped IS NULL OR p.helped = '' OR (p.helped NOT GLOB '*[^0-9]*'
      AND length(p.helped) <= 15 AND (p.helped NOT GLOB '0*' OR p.helped = '0')) THEN p.helped
    WHEN unicode(p.helped) < 128 AND NOT lower(substr(p.helped, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || p.helped
    WHEN lower(p.helped) IN ('true', 'false') OR substr(p.helped, 1, 4) = 'Err:'
      THEN '''' || p.helped
    ELSE p.helped END AS helped,
  CASE WHEN p.differently IS NULL OR p.differently = '' OR (p.differently NOT GLOB '*[^0-9]*'
      AND length(p.differently) <= 15 AND (p.differently NOT GLOB '0*' OR p.differently = '0')) THEN p.differently
    WHEN unicode(p.differently) < 128 AND NOT lower(substr(p.differently, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || p.differently
    WHEN lower(p.differently) IN ('true', 'false') OR substr(p.differently, 1, 4) = 'Err:'
      THEN '''' || p.differently
    ELSE p.differently END AS differently,
  NULL AS day,
  NULL AS round,
  NULL AS count
FROM (SELECT 'person' AS record, uuid, NULL AS person, NULL AS session,
    name, role, team, archived, NULL AS kind, NULL AS coach, NULL AS status,
    NULL AS content_version, NULL AS step, NULL AS item, NULL AS value,
    NULL AS text, NULL AS note, NULL AS start_rung, NULL AS reached_rung,
    NULL AS rung, NULL AS owner, NULL AS due, NULL AS reviewed_in,
    NULL AS obstacle, created AS time, NULL AS closed,
    NULL AS no_occasion, regulated, NULL AS helped, NULL AS differently
  FROM person ORDER BY name COLLATE NOCASE, id) p;
.headers off
SELECT
  d.record,
  d.uuid,
  d.person,
  d.session,
  CASE WHEN d.name IS NULL OR d.name = '' OR (d.name NOT GLOB '*[^0-9]*'
      AND length(d.name) <= 15 AND (d.name NOT GLOB '0*' OR d.name = '0')) THEN d.name
    WHEN unicode(d.name) < 128 AND NOT lower(substr(d.name, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || d.name
    WHEN lower(d.name) IN ('true', 'false') OR substr(d.name, 1, 4) = 'Err:'
      THEN '''' || d.name
    ELSE d.name END AS name,
  CASE WHEN d.role IS NULL OR d.role = '' OR (d.role NOT GLOB '*[^0-9]*'
      AND length(d.role) <= 15 AND (d.role NOT GLOB '0*' OR d.role = '0')) THEN d.role
    WHEN unicode(d.role) < 128 AND NOT lower(substr(d.role, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || d.role
    WHEN lower(d.role) IN ('true', 'false') OR substr(d.role, 1, 4) = 'Err:'
      THEN '''' || d.role
    ELSE d.role END AS role,
  CASE WHEN d.team IS NULL OR d.team = '' OR (d.team NOT GLOB '*[^0-9]*'
      AND length(d.team) <= 15 AND (d.team NOT GLOB '0*' OR d.team = '0')) THEN d.team
    WHEN unicode(d.team) < 128 AND NOT lower(substr(d.team, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || d.team
    WHEN lower(d.team) IN ('true', 'false') OR substr(d.team, 1, 4) = 'Err:'
      THEN '''' || d.team
    ELSE d.team END AS team,
  d.archived,
  d.kind,
  CASE WHEN d.coach IS NULL OR d.coach = '' OR (d.coach NOT GLOB '*[^0-9]*'
      AND length(d.coach) <= 15 AND (d.coach NOT GLOB '0*' OR d.coach = '0')) THEN d.coach
    WHEN unicode(d.coach) < 128 AND NOT lower(substr(d.coach, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || d.coach
    WHEN lower(d.coach) IN ('true', 'false') OR substr(d.coach, 1, 4) = 'Err:'
      THEN '''' || d.coach
    ELSE d.coach END AS coach,
  d.status,
  CASE WHEN d.content_version IS NULL OR d.content_version = '' OR (d.content_version NOT GLOB '*[^0-9]*'
      AND length(d.content_version) <= 15 AND (d.content_version NOT GLOB '0*' OR d.content_version = '0')) THEN d.content_version
    WHEN unicode(d.content_version) < 128 AND NOT lower(substr(d.content_version, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || d.content_version
    WHEN lower(d.content_version) IN ('true', 'false') OR substr(d.content_version, 1, 4) = 'Err:'
      THEN '''' || d.content_version
    ELSE d.content_version END AS content_version,
  d.step,
  CASE WHEN d.item IS NULL OR d.item = '' OR (d.item NOT GLOB '*[^0-9]*'
      AND length(d.item) <= 15 AND (d.item NOT GLOB '0*' OR d.item = '0')) THEN d.item
    WHEN unicode(d.item) < 128 AND NOT lower(substr(d.item, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || d.item
    WHEN lower(d.item) IN ('true', 'false') OR substr(d.item, 1, 4) = 'Err:'
      THEN '''' || d.item
    ELSE d.item END AS item,
  d.value,
  CASE WHEN d.text IS NULL OR d.text = '' OR (d.text NOT GLOB '*[^0-9]*'
      AND length(d.text) <= 15 AND (d.text NOT GLOB '0*' OR d.text = '0')) THEN d.text
    WHEN unicode(d.text) < 128 AND NOT lower(substr(d.text, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || d.text
    WHEN lower(d.text) IN ('true', 'false') OR substr(d.text, 1, 4) = 'Err:'
      THEN '''' || d.text
    ELSE d.text END AS text,
  CASE WHEN d.note IS NULL OR d.note = '' OR (d.note NOT GLOB '*[^0-9]*'
      AND length(d.note) <= 15 AND (d.note NOT GLOB '0*' OR d.note = '0')) THEN d.note
    WHEN unicode(d.note) < 128 AND NOT lower(substr(d.note, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || d.note
    WHEN lower(d.note) IN ('true', 'false') OR substr(d.note, 1, 4) = 'Err:'
      THEN '''' || d.note
    ELSE d.note END AS note,
  d.start_rung,
  d.reached_rung,
  d.rung,
  CASE WHEN d.owner IS NULL OR d.owner = '' OR (d.owner NOT GLOB '*[^0-9]*'
      AND length(d.owner) <= 15 AND (d.owner NOT GLOB '0*' OR d.owner = '0')) THEN d.owner
    WHEN unicode(d.owner) < 128 AND NOT lower(substr(d.owner, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || d.owner
    WHEN lower(d.owner) IN ('true', 'false') OR substr(d.owner, 1, 4) = 'Err:'
      THEN '''' || d.owner
    ELSE d.owner END AS owner,
  d.due,
  d.reviewed_in,
  CASE WHEN d.obstacle IS NULL OR d.obstacle = '' OR (d.obstacle NOT GLOB '*[^0-9]*'
      AND length(d.obstacle) <= 15 AND (d.obstacle NOT GLOB '0*' OR d.obstacle = '0')) THEN d.obstacle
    WHEN unicode(d.obstacle) < 128 AND NOT lower(substr(d.obstacle, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || d.obstacle
    WHEN lower(d.obstacle) IN ('true', 'false') OR substr(d.obstacle, 1, 4) = 'Err:'
      THEN '''' || d.obstacle
    ELSE d.obstacle END AS obstacle,
  d.time,
  d.closed,
  d.no_occasion,
  d.regulated,
  CASE WHEN d.helped IS NULL OR d.helped = '' OR (d.helped NOT GLOB '*[^0-9]*'
      AND length(d.helped) <= 15 AND (d.helped NOT GLOB '0*' OR d.helped = '0')) THEN d.helped
    WHEN unicode(d.helped) < 128 AND NOT lower(substr(d.helped, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || d.helped
    WHEN lower(d.helped) IN ('true', 'false') OR substr(d.helped, 1, 4) = 'Err:'
      THEN '''' || d.helped
    ELSE d.helped END AS helped,
  CASE WHEN d.differently IS NULL OR d.differently = '' OR (d.differently NOT GLOB '*[^0-9]*'
      AND length(d.differently) <= 15 AND (d.differently NOT GLOB '0*' OR d.differently = '0')) THEN d.differently
    WHEN unicode(d.differently) < 128 AND NOT lower(substr(d.differently, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || d.differently
    WHEN lower(d.differently) IN ('true', 'false') OR substr(d.differently, 1, 4) = 'Err:'
      THEN '''' || d.differently
    ELSE d.differently END AS differently,
  NULL AS day,
  NULL AS round,
  NULL AS count
FROM (SELECT
  CASE k.part WHEN 0 THEN 'session' WHEN 1 THEN 'answer' WHEN 2 THEN 'rating'
    WHEN 3 THEN 'ladder' WHEN 4 THEN 'ladder_step' WHEN 5 THEN 'commitment'
    ELSE 'note' END AS record,
  CASE k.part WHEN 0 THEN s.uuid WHEN 5 THEN c.uuid WHEN 6 THEN n.uuid END
    AS uuid,
  CASE k.part WHEN 0 THEN p.uuid WHEN 5 THEN p.uuid END AS person,
  CASE WHEN k.part > 0 THEN s.uuid END AS session,
  NULL AS name, NULL AS role, NULL AS team, NULL AS archived,
  CASE k.part WHEN 0 THEN s.kind END AS kind,
  CASE k.part WHEN 0 THEN s.coach END AS coach,
  CASE k.part WHEN 0 THEN s.status WHEN 5 THEN c.status END AS status,
  CASE k.part WHEN 0 THEN s.content_version END AS content_version,
  CASE k.part WHEN 0 THEN s.step END AS step,
  CASE k.part WHEN 1 THEN a.item_id WHEN 2 THEN r.pillar_id END AS item,
  CASE k.part WHEN 1 THEN a.value WHEN 2 THEN r.value END AS value,
  CASE k.part WHEN 1 THEN a.statement WHEN 3 THEN l.situation
    WHEN 4 THEN ls.answer WHEN 5 THEN c.what WHEN 6 THEN n.body END AS text,
  CASE k.part WHEN 1 THEN a.note WHEN 2 THEN r.note END AS note,
  CASE k.part WHEN 3 THEN l.start_rung END AS start_rung,
  CASE k.part WHEN 3 THEN l.reached_rung END AS reached_rung,
  CASE k.part WHEN 4 THEN ls.rung END AS rung,
  CASE k.part WHEN 5 THEN c.owner END AS owner,
  CASE k.part WHEN 5 THEN c.due END AS due,
  CASE k.part WHEN 5 THEN rs.uuid END AS reviewed_in,
  CASE k.part WHEN 5 THEN c.obstacle END AS obstacle,
  CASE k.part WHEN 0 THEN s.started WHEN 1 THEN a.answered
    WHEN 2 THEN r.rated WHEN 3 THEN l.updated WHEN 4 THEN ls.answered
    WHEN 5 THEN c.created ELSE n.updated END AS time,
  CASE k.part WHEN 0 THEN s.completed WHEN 5 THEN c.reviewed END AS closed,
  CASE k.part WHEN 1 THEN a.no_occasion END AS no_occasion,
  NULL AS regulated,
  CASE k.part WHEN 5 THEN c.helped END AS helped,
  CASE k.part WHEN 5 THEN c.differently END AS differently
FROM session s
JOIN person p ON p.id = s.person_id
JOIN (SELECT 0 AS part UNION ALL SELECT 1 UNION ALL SELECT 2
  UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
  UNION ALL SELECT 6) k
LEFT JOIN answer a ON a.session_id = iif(k.part = 1, s.id, NULL)
LEFT JOIN rating r ON r.session_id = iif(k.part = 2, s.id, NULL)
LEFT JOIN ladder l ON l.session_id = iif(k.part = 3, s.id, NULL)
LEFT JOIN ladder_step ls ON ls.session_id = iif(k.part = 4, s.id, NULL)
LEFT JOIN commitment c ON c.session_id = iif(k.part = 5, s.id, NULL)
LEFT JOIN session rs ON rs.id = iif(k.part = 5, c.reviewed_session_id, NULL)
LEFT JOIN note n ON n.session_id = iif(k.part = 6, s.id, NULL)
WHERE k.part = 0 OR a.rowid IS NOT NULL OR r.rowid IS NOT NULL
  OR l.session_id IS NOT NULL OR ls.rowid IS NOT NULL OR c.id IS NOT NULL
  OR n.id IS NOT NULL
ORDER BY s.started, s.id, k.part,
  coalesce(a.rowid, r.rowid, ls.rung, c.id)) d;
-- Team rounds last, by day, each followed by its tallies (by statement
-- and value, the tally's primary key): the rounds stream from a small
-- sort of their own, the tallies from their primary key.
SELECT
  t.record,
  t.uuid,
  t.person,
  NULL AS session, NULL AS name, NULL AS role, NULL AS team,
  NULL AS archived, NULL AS kind, NULL AS coach, NULL AS status,
  CASE WHEN t.content_version IS NULL OR t.content_version = '' OR (t.content_version NOT GLOB '*[^0-9]*'
      AND length(t.content_version) <= 15 AND (t.content_version NOT GLOB '0*' OR t.content_version = '0')) THEN t.content_version
    WHEN unicode(t.content_version) < 128 AND NOT lower(substr(t.content_version, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || t.content_version
    WHEN lower(t.content_version) IN ('true', 'false') OR substr(t.content_version, 1, 4) = 'Err:'
      THEN '''' || t.content_version
    ELSE t.content_version END AS content_version,
  NULL AS step,
  CASE WHEN t.item IS NULL OR t.item = '' OR (t.item NOT GLOB '*[^0-9]*'
      AND length(t.item) <= 15 AND (t.item NOT GLOB '0*' OR t.item = '0')) THEN t.item
    WHEN unicode(t.item) < 128 AND NOT lower(substr(t.item, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || t.item
    WHEN lower(t.item) IN ('true', 'false') OR substr(t.item, 1, 4) = 'Err:'
      THEN '''' || t.item
    ELSE t.item END AS item,
  t.value,
  CASE WHEN t.text IS NULL OR t.text = '' OR (t.text NOT GLOB '*[^0-9]*'
      AND length(t.text) <= 15 AND (t.text NOT GLOB '0*' OR t.text = '0')) THEN t.text
    WHEN unicode(t.text) < 128 AND NOT lower(substr(t.text, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || t.text
    WHEN lower(t.text) IN ('true', 'false') OR substr(t.text, 1, 4) = 'Err:'
      THEN '''' || t.text
    ELSE t.text END AS text,
  NULL AS note, NULL AS start_rung, NULL AS reached_rung, NULL AS rung,
  NULL AS owner, NULL AS due, NULL AS reviewed_in, NULL AS obstacle,
  NULL AS time, NULL AS closed, NULL AS no_occasion, NULL AS regulated,
  NULL AS helped, NULL AS differently,
  t.day,
  t.round,
  t.count
FROM (SELECT r.day AS rday, r.id AS rid, k.part, y.item_id AS iid,
    y.value AS ival,
    iif(k.part = 0, 'team_round', 'team_tally') AS record,
    iif(k.part = 0, r.uuid, NULL) AS uuid,
    iif(k.part = 0, p.uuid, NULL) AS person,
    iif(k.part = 0, r.content_version, NULL) AS content_version,
    y.item_id AS item, y.value AS value,
    iif(k.part = 0, r.label, y.statement) AS text,
    iif(k.part = 0, r.day, NULL) AS day,
    iif(k.part = 1, r.uuid, NULL) AS round,
    iif(k.part = 0, r.responses, y.count) AS count
  FROM team_round r
  JOIN person p ON p.id = r.person_id
  JOIN (SELECT 0 AS part UNION ALL SELECT 1) k
  LEFT JOIN team_tally y ON y.round_id = iif(k.part = 1, r.id, NULL)
  WHERE k.part = 0 OR y.round_id IS NOT NULL
  ORDER BY r.day, r.id, k.part, y.item_id, y.value) t;
