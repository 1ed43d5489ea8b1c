-- export_summary.sql - `ownit export` (the summary) as one query for the
-- sqlite3 shell: the reference that the export is timed against.
--
--   sqlite3 -batch -readonly -csv -header DB < tests/bench/export_summary.sql
--
-- Same columns, same joins and the same arithmetic as src/core/csvexport.c
-- with src/core/score.c, for the shipped content (content/redflags.csv and
-- items.csv, version 2026.11.1, written out below as VALUES):
--   flag_*      mean of the flag's answered statements on 0..4, a reverse
--               one counting 4 - value; every missed commitment reviewed in
--               the session (at most 4) adds one answer of 4 to
--               missed-commitments; no answers, empty field
--   pillar_*    the self-rating, "3.00"; vision likewise
--   evidence_*  mean of 5 - flag score over the flags pointing at the
--               pillar, weighted by each flag's number of answers (the
--               weighted mean of 5 - score is 5 - total / weight)
--   strongest_flag  the highest flag score, the first in file order on a
--               tie
--   times       local ISO 8601 with the offset
--   text cells  starting with = + - @ tab or CR get a leading '
-- bench.py parses both outputs with Python's csv module and checks that
-- they hold the same rows.
WITH
item(id, flag, rev) AS (VALUES
  ('vague-updates-1', 1, 0), ('vague-updates-2', 1, 0),
  ('vague-updates-3', 1, 0), ('vague-updates-4', 1, 0),
  ('vague-updates-5', 1, 1),
  ('slow-escalation-1', 2, 0), ('slow-escalation-2', 2, 0),
  ('slow-escalation-3', 2, 0), ('slow-escalation-4', 2, 1),
  ('not-my-job-1', 3, 0), ('not-my-job-2', 3, 0),
  ('not-my-job-3', 3, 0), ('not-my-job-4', 3, 1),
  ('missed-commitments-1', 4, 0), ('missed-commitments-2', 4, 0),
  ('missed-commitments-3', 4, 0), ('missed-commitments-4', 4, 0),
  ('missed-commitments-5', 4, 1),
  ('passive-agreement-1', 5, 0), ('passive-agreement-2', 5, 0),
  ('passive-agreement-3', 5, 0), ('passive-agreement-4', 5, 1)),
-- Per session: each flag's total on 0..4 and its number of answers.
ans AS (
  SELECT a.session_id AS sid,
    total(CASE WHEN i.flag = 1 THEN abs(4 * i.rev - a.value) END) AS t1,
    count(CASE WHEN i.flag = 1 THEN 1 END) AS n1,
    total(CASE WHEN i.flag = 2 THEN abs(4 * i.rev - a.value) END) AS t2,
    count(CASE WHEN i.flag = 2 THEN 1 END) AS n2,
    total(CASE WHEN i.flag = 3 THEN abs(4 * i.rev - a.value) END) AS t3,
    count(CASE WHEN i.flag = 3 THEN 1 END) AS n3,
    total(CASE WHEN i.flag = 4 THEN abs(4 * i.rev - a.value) END) AS t4,
    count(CASE WHEN i.flag = 4 THEN 1 END) AS n4,
    total(CASE WHEN i.flag = 5 THEN abs(4 * i.rev - a.value) END) AS t5,
    count(CASE WHEN i.flag = 5 THEN 1 END) AS n5
  FROM answer a JOIN item i ON i.id = a.item_id
  WHERE a.value IS NOT NULL
  GROUP BY a.session_id),
rat AS (
  SELECT session_id AS sid,
    max(CASE WHEN pillar_id = 'clarity' THEN value END) AS clarity,
    max(CASE WHEN pillar_id = 'trust-openness' THEN value END) AS trust,
    max(CASE WHEN pillar_id = 'autonomy' THEN value END) AS autonomy,
    max(CASE WHEN pillar_id = 'feedback-systems' THEN value END) AS feedback,
    max(CASE WHEN pillar_id = 'role-modelling' THEN value END) AS rolem,
    max(CASE WHEN pillar_id = 'vision' THEN value END) AS vision
  FROM rating GROUP BY session_id),
-- Earlier commitments followed up in a session.
rev AS (
  SELECT reviewed_session_id AS sid,
    total(status = 'kept') AS kept, total(status = 'missed') AS missed
  FROM commitment
  WHERE reviewed_session_id IS NOT NULL AND session_id <> reviewed_session_id
  GROUP BY reviewed_session_id),
made AS (
  SELECT session_id AS sid, count(*) AS made
  FROM commitment GROUP BY session_id),
-- Flag totals and weights, the follow-ups counted on missed-commitments.
fl AS (
  SELECT s.id AS sid,
    coalesce(a.t1, 0) AS t1, coalesce(a.n1, 0) AS w1,
    coalesce(a.t2, 0) AS t2, coalesce(a.n2, 0) AS w2,
    coalesce(a.t3, 0) AS t3, coalesce(a.n3, 0) AS w3,
    coalesce(a.t4, 0) + 4 * min(coalesce(r.missed, 0), 4) AS t4,
    coalesce(a.n4, 0) + min(coalesce(r.missed, 0), 4) AS w4,
    coalesce(a.t5, 0) AS t5, coalesce(a.n5, 0) AS w5
  FROM session s
  LEFT JOIN ans a ON a.sid = s.id
  LEFT JOIN rev r ON r.sid = s.id),
sc AS (
  SELECT sid,
    CASE WHEN w1 THEN t1 / w1 END AS f1, CASE WHEN w2 THEN t2 / w2 END AS f2,
    CASE WHEN w3 THEN t3 / w3 END AS f3, CASE WHEN w4 THEN t4 / w4 END AS f4,
    CASE WHEN w5 THEN t5 / w5 END AS f5,
    -- clarity <- vague-updates, not-my-job
    CASE WHEN w1 + w3 THEN 5 - (t1 + t3) / (w1 + w3) END AS e_clarity,
    -- trust-openness <- slow-escalation, passive-agreement
    CASE WHEN w2 + w5 THEN 5 - (t2 + t5) / (w2 + w5) END AS e_trust,
    -- autonomy <- missed-commitments
    CASE WHEN w4 THEN 5 - t4 / w4 END AS e_autonomy,
    -- feedback-systems <- vague-updates, missed-commitments
    CASE WHEN w1 + w4 THEN 5 - (t1 + t4) / (w1 + w4) END AS e_feedback,
    -- role-modelling <- passive-agreement
    CASE WHEN w5 THEN 5 - t5 / w5 END AS e_rolem
  FROM fl),
row AS (
  SELECT s.id, s.started, s.uuid, p.name, s.kind, s.coach,
    strftime('%Y-%m-%dT%H:%M:%S', s.started, 'localtime') AS st_local,
    CAST(round((julianday(s.started, 'localtime') - julianday(s.started))
      * 1440) AS INTEGER) AS st_off,
    strftime('%Y-%m-%dT%H:%M:%S', s.completed, 'localtime') AS co_local,
    CAST(round((julianday(s.completed, 'localtime')
      - julianday(s.completed)) * 1440) AS INTEGER) AS co_off,
    s.status, s.content_version, sc.*,
    r.clarity, r.trust, r.autonomy, r.feedback, r.rolem, r.vision,
    l.situation, l.start_rung, l.reached_rung,
    coalesce(m.made, 0) AS made, coalesce(v.kept, 0) AS kept,
    coalesce(v.missed, 0) AS missed, n.body
  FROM session s
  JOIN person p ON p.id = s.person_id
  JOIN sc ON sc.sid = s.id
  LEFT JOIN rat r ON r.sid = s.id
  LEFT JOIN ladder l ON l.session_id = s.id
  LEFT JOIN note n ON n.session_id = s.id
  LEFT JOIN made m ON m.sid = s.id
  LEFT JOIN rev v ON v.sid = s.id)
SELECT
  uuid AS session_id,
  CASE WHEN substr(name, 1, 1) IN ('=', '+', '-', '@', char(9), char(13))
    THEN '''' || name ELSE name END AS person,
  kind,
  CASE WHEN substr(coach, 1, 1) IN ('=', '+', '-', '@', char(9), char(13))
    THEN '''' || coach ELSE coach END AS coach,
  st_local || printf('%s%02d:%02d', iif(st_off < 0, '-', '+'),
    abs(st_off) / 60, abs(st_off) % 60) AS started_at,
  co_local || printf('%s%02d:%02d', iif(co_off < 0, '-', '+'),
    abs(co_off) / 60, abs(co_off) % 60) AS completed_at,
  status,
  CASE WHEN substr(content_version, 1, 1) IN ('=', '+', '-', '@', char(9),
    char(13)) THEN '''' || content_version ELSE content_version END
    AS content_version,
  iif(f1 IS NULL, NULL, printf('%.2f', f1)) AS flag_vague_updates,
  iif(f2 IS NULL, NULL, printf('%.2f', f2)) AS flag_slow_escalation,
  iif(f3 IS NULL, NULL, printf('%.2f', f3)) AS flag_not_my_job,
  iif(f4 IS NULL, NULL, printf('%.2f', f4)) AS flag_missed_commitments,
  iif(f5 IS NULL, NULL, printf('%.2f', f5)) AS flag_passive_agreement,
  iif(clarity IS NULL, NULL, printf('%.2f', clarity)) AS pillar_clarity,
  iif(trust IS NULL, NULL, printf('%.2f', trust)) AS pillar_trust_openness,
  iif(autonomy IS NULL, NULL, printf('%.2f', autonomy)) AS pillar_autonomy,
  iif(feedback IS NULL, NULL, printf('%.2f', feedback))
    AS pillar_feedback_systems,
  iif(rolem IS NULL, NULL, printf('%.2f', rolem)) AS pillar_role_modelling,
  iif(vision IS NULL, NULL, printf('%.2f', vision)) AS vision,
  iif(e_clarity IS NULL, NULL, printf('%.2f', e_clarity)) AS evidence_clarity,
  iif(e_trust IS NULL, NULL, printf('%.2f', e_trust))
    AS evidence_trust_openness,
  iif(e_autonomy IS NULL, NULL, printf('%.2f', e_autonomy))
    AS evidence_autonomy,
  iif(e_feedback IS NULL, NULL, printf('%.2f', e_feedback))
    AS evidence_feedback_systems,
  iif(e_rolem IS NULL, NULL, printf('%.2f', e_rolem))
    AS evidence_role_modelling,
  (SELECT id FROM (SELECT 1 AS o, 'vague-updates' AS id, f1 AS v
      UNION ALL SELECT 2, 'slow-escalation', f2
      UNION ALL SELECT 3, 'not-my-job', f3
      UNION ALL SELECT 4, 'missed-commitments', f4
      UNION ALL SELECT 5, 'passive-agreement', f5)
    WHERE v IS NOT NULL AND v >= 1.5 ORDER BY v DESC, o LIMIT 1)
    AS strongest_flag,
  CASE WHEN substr(situation, 1, 1) IN ('=', '+', '-', '@', char(9),
    char(13)) THEN '''' || situation ELSE situation END AS ladder_situation,
  start_rung AS ladder_start,
  reached_rung AS ladder_reached,
  made AS commitments_made,
  CAST(kept AS INTEGER) AS commitments_kept,
  CAST(missed AS INTEGER) AS commitments_missed,
  CASE WHEN substr(body, 1, 1) IN ('=', '+', '-', '@', char(9), char(13))
    THEN '''' || body ELSE body END AS notes
FROM row
ORDER BY started, id;
