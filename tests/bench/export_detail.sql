-- export_detail.sql - `ownit export --detail` for the sqlite3 shell: the
-- reference that the detail export is timed against.
--
--   sqlite3 -batch -readonly -csv -header DB < tests/bench/export_detail.sql
--
-- The same 26 columns and rows as src/core/csvexport.c: every person (by
-- name, any letter case), then session by session in start order the
-- session, its answers and ratings (in the order given), its ladder and
-- ladder steps (by rung), the commitments made in it and its note; ids are
-- uuids, times as stored, values raw.  Sessions stream from the index on
-- their start time and each session's rows are put in order in a small
-- sort of their own, so nothing sorts the whole table.  Each part of a
-- session joins only its own table: the other joins look up NULL, which
-- finds nothing at once (faster than testing the part in the ON clause).
SELECT 'person' AS record, uuid, NULL AS person, NULL AS session, name, role,
  team, archived, NULL AS kind, NULL AS coach, NULL AS status,
  NULL AS content_version, NULL AS step, NULL AS item, NULL AS value,
  NULL AS text, NULL AS note, NULL AS start_rung, NULL AS reached_rung,
  NULL AS rung, NULL AS owner, NULL AS due, NULL AS reviewed_in,
  NULL AS obstacle, created AS time, NULL AS closed
FROM person ORDER BY name COLLATE NOCASE, id;
.headers off
SELECT
  CASE k.part WHEN 0 THEN 'session' WHEN 1 THEN 'answer' WHEN 2 THEN 'rating'
    WHEN 3 THEN 'ladder' WHEN 4 THEN 'ladder_step' WHEN 5 THEN 'commitment'
    ELSE 'note' END,
  CASE k.part WHEN 0 THEN s.uuid WHEN 5 THEN c.uuid WHEN 6 THEN n.uuid END,
  CASE k.part WHEN 0 THEN p.uuid WHEN 5 THEN p.uuid END,
  CASE WHEN k.part > 0 THEN s.uuid END,
  NULL, NULL, NULL, NULL,
  CASE k.part WHEN 0 THEN s.kind END,
  CASE k.part WHEN 0 THEN s.coach END,
  CASE k.part WHEN 0 THEN s.status WHEN 5 THEN c.status END,
  CASE k.part WHEN 0 THEN s.content_version END,
  CASE k.part WHEN 0 THEN s.step END,
  CASE k.part WHEN 1 THEN a.item_id WHEN 2 THEN r.pillar_id END,
  CASE k.part WHEN 1 THEN a.value WHEN 2 THEN r.value END,
  CASE k.part WHEN 1 THEN a.statement WHEN 3 THEN l.situation
    WHEN 4 THEN ls.answer WHEN 5 THEN c.what WHEN 6 THEN n.body END,
  CASE k.part WHEN 1 THEN a.note WHEN 2 THEN r.note END,
  CASE k.part WHEN 3 THEN l.start_rung END,
  CASE k.part WHEN 3 THEN l.reached_rung END,
  CASE k.part WHEN 4 THEN ls.rung END,
  CASE k.part WHEN 5 THEN c.owner END,
  CASE k.part WHEN 5 THEN c.due END,
  CASE k.part WHEN 5 THEN rs.uuid END,
  CASE k.part WHEN 5 THEN c.obstacle END,
  CASE k.part WHEN 0 THEN s.started WHEN 1 THEN a.answered
    WHEN 2 THEN r.rated WHEN 3 THEN l.updated WHEN 4 THEN ls.answered
    WHEN 5 THEN c.created ELSE n.updated END,
  CASE k.part WHEN 0 THEN s.completed WHEN 5 THEN c.reviewed END
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
  coalesce(a.rowid, r.rowid, ls.rung, c.id);
