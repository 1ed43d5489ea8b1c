-- export_summary.sql - `ownit export` (the summary) for the sqlite3 shell:
-- the reference that the export is timed against.
--
--   sqlite3 -batch -readonly -csv -header DB < tests/bench/export_summary.sql
--
-- The same rows as src/core/io/csvexport.c with src/core/coaching/score.c for the
-- shipped content (content/*.csv, version 2026.12.2):
--   flag_*      mean of the flag's scored answers on 0..4 (retired
--               statements count: an old session scores what it
--               answered), a reverse one counting 4 - value; "no
--               occasion" and note-only answers are not scored.  Every
--               earlier commitment followed up for the session that counts
--               as missed (the person's own: owner empty or the person's
--               name; missed, or renegotiated after its due day), at most
--               4, adds an answer of 4 to missed-commitments.
--   pillar_*    the self-rating, "3.00"; vision likewise
--   evidence_*  over the flags pointing at the pillar (content/redflags.csv),
--               the mean of 5 - flag score weighted by each flag's answers,
--               summed in file order exactly as score.c does, so the same
--               doubles come out
--   strongest_flag  the highest flag score outside the healthy band
--               (below 1.5), the first in file order on a tie; empty when
--               every flag is healthy
--   commitments_kept/missed  the commitments followed up in the session,
--               or outside any session within its span (from the end of
--               the person's session before to the end of this one, see
--               store_session_review_span)
--   numbers     two decimals, rounded half away from zero
--   times       local ISO 8601 with the offset
--   text cells  guarded with a leading ' as csvexport_guard_needed says
--               (person, coach, content version, situation, note), the
--               others only when they start with = + - @ tab or CR
--   team_*      the person's team round nearest the session's day
--               (within 92 days): its day, label (guarded) and
--               responses; with 3 responses or more, per flag the mean
--               and spread of its team statements that have 3 answers or
--               more and the gap to the session's own score, per pillar
--               the team's evidence (its flags', then its leader
--               statements', 5 - mean weighted by answers) and the gap
--               from the self-rating; all empty without a round
--
-- The plan: statements are looked up in a small indexed table of their
-- own; each per-session figure is a correlated lookup on an index that
-- starts with the session (answer and rating primary keys, ladder, note,
-- commitment_by_session, commitment_by_review), sessions stream from
-- session_by_start, and the span comes from session_by_person.  Nothing
-- sorts or materialises all sessions.  Team rounds are found through
-- team_round_by_person (three lookups a session, none when the person
-- has no round) and added up once per round.
--
-- bench.py parses both outputs with Python's csv module and fails the
-- row when they differ in any cell.
.headers off
CREATE TEMP TABLE item(id TEXT PRIMARY KEY, flag INTEGER NOT NULL,
  rev INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO item VALUES
  ('vague-updates-1', 1, 0), ('vague-updates-2', 1, 0),
  ('vague-updates-3', 1, 0), ('vague-updates-4b', 1, 0),
  ('vague-updates-5b', 1, 1),
  ('slow-escalation-1', 2, 0), ('slow-escalation-2', 2, 0),
  ('slow-escalation-3', 2, 0), ('slow-escalation-4', 2, 1),
  ('not-my-job-1', 3, 0), ('not-my-job-2', 3, 0), ('not-my-job-3', 3, 0),
  ('not-my-job-4b', 3, 1), ('not-my-job-5', 3, 0),
  ('missed-commitments-1', 4, 0), ('missed-commitments-2', 4, 0),
  ('missed-commitments-3', 4, 0), ('missed-commitments-4b', 4, 0),
  ('missed-commitments-5', 4, 1),
  ('passive-agreement-1b', 5, 0), ('passive-agreement-2', 5, 0),
  ('passive-agreement-3b', 5, 0), ('passive-agreement-4b', 5, 1),
  -- retired
  ('vague-updates-4', 1, 0), ('vague-updates-5', 1, 1),
  ('not-my-job-4', 3, 1), ('missed-commitments-4', 4, 0),
  ('passive-agreement-1', 5, 0), ('passive-agreement-3', 5, 0),
  ('passive-agreement-4', 5, 1);
-- The team statements (content/items.csv, those with a team wording):
-- their flag (NULL for the leader statements, which point at a pillar
-- straight) and whether they are reverse-scored.
CREATE TEMP TABLE titem(id TEXT PRIMARY KEY, flag INTEGER,
  rev INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO titem VALUES
  ('vague-updates-1', 1, 0), ('vague-updates-2', 1, 0),
  ('vague-updates-3', 1, 0), ('vague-updates-4b', 1, 0),
  ('vague-updates-5b', 1, 1), ('slow-escalation-1', 2, 0),
  ('slow-escalation-2', 2, 0), ('slow-escalation-3', 2, 0),
  ('slow-escalation-4', 2, 1), ('not-my-job-1', 3, 0),
  ('not-my-job-2', 3, 0), ('not-my-job-3', 3, 0), ('not-my-job-4b', 3, 1),
  ('not-my-job-5', 3, 0), ('missed-commitments-1', 4, 0),
  ('missed-commitments-2', 4, 0), ('missed-commitments-3', 4, 0),
  ('missed-commitments-4b', 4, 0), ('missed-commitments-5', 4, 1),
  ('passive-agreement-1b', 5, 0), ('passive-agreement-2', 5, 0),
  ('passive-agreement-3b', 5, 0), ('passive-agreement-4b', 5, 1),
  ('leader-keeps-word', NULL, 1), ('leader-owns-errors', NULL, 1),
  ('leader-blames', NULL, 0), ('leader-steps-in', NULL, 0),
  ('leader-asks-approval', NULL, 0), ('leader-sets-bounds', NULL, 1);
.headers on
WITH
-- Each session with its person and its follow-up span (from, until; ''
-- an open end) from its neighbours in the person's order of sessions.
ses AS (
  SELECT s.*, p.name AS pname,
    CASE WHEN prev_completed IS NULL THEN ''
      WHEN prev_completed = '' THEN s.started
      ELSE min(prev_completed, s.started) END AS span_from,
    coalesce(CASE WHEN s.completed IS NULL THEN next_started
      WHEN next_started IS NULL THEN s.completed
      ELSE min(s.completed, next_started) END, '') AS span_until
  FROM (SELECT s.*,
      -- the completion of the session before ('' when it has none),
      -- NULL when there is none; the row values seek session_by_person
      -- (person_id, started, rowid) straight to the neighbour
      (SELECT coalesce(o.completed, '') FROM session o
        WHERE o.person_id = s.person_id
        AND (o.started, o.id) < (s.started, s.id)
        ORDER BY o.started DESC, o.id DESC LIMIT 1) AS prev_completed,
      (SELECT o.started FROM session o WHERE o.person_id = s.person_id
        AND (o.started, o.id) > (s.started, s.id)
        ORDER BY o.started, o.id LIMIT 1) AS next_started
    FROM session s) s
  JOIN person p ON p.id = s.person_id),
-- Per session: each flag's total on 0..4 and its number of scored
-- answers, read in index order (answer's primary key starts with the
-- session), so the grouping needs no sort.
ans AS (
  SELECT a.session_id AS sid,
    total(CASE i.flag WHEN 1 THEN abs(4 * i.rev - a.value) END) AS t1,
    count(CASE i.flag WHEN 1 THEN 1 END) AS n1,
    total(CASE i.flag WHEN 2 THEN abs(4 * i.rev - a.value) END) AS t2,
    count(CASE i.flag WHEN 2 THEN 1 END) AS n2,
    total(CASE i.flag WHEN 3 THEN abs(4 * i.rev - a.value) END) AS t3,
    count(CASE i.flag WHEN 3 THEN 1 END) AS n3,
    total(CASE i.flag WHEN 4 THEN abs(4 * i.rev - a.value) END) AS t4,
    count(CASE i.flag WHEN 4 THEN 1 END) AS n4,
    total(CASE i.flag WHEN 5 THEN abs(4 * i.rev - a.value) END) AS t5,
    count(CASE i.flag WHEN 5 THEN 1 END) AS n5
  FROM answer a JOIN item i ON i.id = a.item_id
  WHERE a.value IS NOT NULL
  GROUP BY a.session_id),
rat AS (
  SELECT session_id AS sid,
    max(CASE pillar_id WHEN 'clarity' THEN value END) AS clarity,
    max(CASE pillar_id WHEN 'trust-openness' THEN value END) AS trust,
    max(CASE pillar_id WHEN 'autonomy' THEN value END) AS autonomy,
    max(CASE pillar_id WHEN 'feedback-systems' THEN value END) AS feedback,
    max(CASE pillar_id WHEN 'role-modelling' THEN value END) AS rolem,
    max(CASE pillar_id WHEN 'vision' THEN value END) AS vision
  FROM rating GROUP BY session_id),
-- The earlier commitments followed up for a session: in it, or outside
-- any session within its span.
followed AS (
  SELECT c.reviewed_session_id AS sid, c.person_id, c.status, c.owner,
    c.due, c.reviewed
  FROM commitment c
  WHERE c.reviewed_session_id IS NOT NULL
    AND c.session_id <> c.reviewed_session_id
  UNION ALL
  SELECT s.id, c.person_id, c.status, c.owner, c.due, c.reviewed
  FROM commitment c JOIN ses s ON s.person_id = c.person_id
  WHERE c.reviewed_session_id IS NULL AND c.status <> 'open'
    AND c.session_id <> s.id
    AND (s.span_from = '' OR c.reviewed >= s.span_from)
    AND (s.span_until = '' OR c.reviewed < s.span_until)),
rev AS (
  SELECT f.sid, total(f.status = 'kept') AS kept,
    total(f.status = 'missed') AS missed,
    -- the person's own (owner empty or their name), missed or
    -- renegotiated after the due day
    total((f.owner IS NULL OR f.owner = '' OR f.owner = p.name
      COLLATE NOCASE) AND (f.status = 'missed'
      OR (f.status = 'renegotiated' AND f.due IS NOT NULL
        AND f.reviewed IS NOT NULL
        AND date(f.reviewed, 'localtime') > f.due))) AS evidence_missed
  FROM followed f JOIN person p ON p.id = f.person_id
  GROUP BY f.sid),
made AS (
  SELECT session_id AS sid, count(*) AS made
  FROM commitment GROUP BY session_id),
facts AS (
  SELECT s.*,
    coalesce(a.t1, 0.0) AS t1, coalesce(a.n1, 0) AS n1,
    coalesce(a.t2, 0.0) AS t2, coalesce(a.n2, 0) AS n2,
    coalesce(a.t3, 0.0) AS t3, coalesce(a.n3, 0) AS n3,
    coalesce(a.t4, 0.0) AS t4, coalesce(a.n4, 0) AS n4,
    coalesce(a.t5, 0.0) AS t5, coalesce(a.n5, 0) AS n5,
    r.clarity, r.trust, r.autonomy, r.feedback, r.rolem, r.vision,
    coalesce(v.kept, 0) AS kept, coalesce(v.missed, 0) AS missed,
    CAST(coalesce(v.evidence_missed, 0) AS INTEGER) AS evidence_missed,
    coalesce(m.made, 0) AS made,
    l.situation, l.start_rung, l.reached_rung, n.body,
    -- the days of the person's team rounds on or before the session's
    -- day and after it (team_round_by_person)
    (SELECT max(r.day) FROM team_round r WHERE r.person_id = s.person_id
      AND r.day <= substr(s.started, 1, 10)) AS round_before,
    (SELECT min(r.day) FROM team_round r WHERE r.person_id = s.person_id
      AND r.day > substr(s.started, 1, 10)) AS round_after
  FROM ses s
  LEFT JOIN ans a ON a.sid = s.id
  LEFT JOIN rat r ON r.sid = s.id
  LEFT JOIN rev v ON v.sid = s.id
  LEFT JOIN made m ON m.sid = s.id
  LEFT JOIN ladder l ON l.session_id = s.id
  LEFT JOIN note n ON n.session_id = s.id),
-- Flag totals and weights, the follow-ups counted on missed-commitments.
fl AS (
  SELECT *, t4 + 4 * min(evidence_missed, 4) AS u4,
    n4 + min(evidence_missed, 4) AS w4
  FROM facts),
sc AS (
  SELECT *,
    CASE WHEN n1 THEN t1 / n1 END AS f1, CASE WHEN n2 THEN t2 / n2 END AS f2,
    CASE WHEN n3 THEN t3 / n3 END AS f3, CASE WHEN w4 THEN u4 / w4 END AS f4,
    CASE WHEN n5 THEN t5 / n5 END AS f5
  FROM fl),
-- 5 - score weighted by answers, summed in file order like score.c.
ev AS (
  SELECT *,
    -- clarity <- vague-updates, not-my-job
    CASE WHEN n1 + n3 THEN (coalesce(n1 * (5.0 - f1), 0.0)
      + coalesce(n3 * (5.0 - f3), 0.0)) / (n1 + n3) END AS e_clarity,
    -- trust-openness <- slow-escalation, passive-agreement
    CASE WHEN n2 + n5 THEN (coalesce(n2 * (5.0 - f2), 0.0)
      + coalesce(n5 * (5.0 - f5), 0.0)) / (n2 + n5) END AS e_trust,
    -- autonomy <- not-my-job, missed-commitments
    CASE WHEN n3 + w4 THEN (coalesce(n3 * (5.0 - f3), 0.0)
      + coalesce(w4 * (5.0 - f4), 0.0)) / (n3 + w4) END AS e_autonomy,
    -- feedback-systems <- vague-updates, missed-commitments
    CASE WHEN n1 + w4 THEN (coalesce(n1 * (5.0 - f1), 0.0)
      + coalesce(w4 * (5.0 - f4), 0.0)) / (n1 + w4) END AS e_feedback,
    -- role-modelling <- slow-escalation, missed-commitments,
    -- passive-agreement
    CASE WHEN n2 + w4 + n5 THEN (coalesce(n2 * (5.0 - f2), 0.0)
      + coalesce(w4 * (5.0 - f4), 0.0) + coalesce(n5 * (5.0 - f5), 0.0))
      / (n2 + w4 + n5) END AS e_rolem,
    strftime('%Y-%m-%dT%H:%M:%S', started, 'localtime') AS st_local,
    CAST(round((julianday(started, 'localtime') - julianday(started))
      * 1440) AS INTEGER) AS st_off,
    strftime('%Y-%m-%dT%H:%M:%S', completed, 'localtime') AS co_local,
    CAST(round((julianday(completed, 'localtime')
      - julianday(completed)) * 1440) AS INTEGER) AS co_off
  FROM sc),
-- The team round beside each session (teamview.c, store_team.c): the
-- nearest of the two days within 92 days (STORE_TEAM_NEAR_DAYS), the
-- earlier on a tie, and the first round made that day.
near AS (
  SELECT *,
    julianday(substr(started, 1, 10)) - julianday(round_before) AS d_before,
    julianday(round_after) - julianday(substr(started, 1, 10)) AS d_after
  FROM ev),
evr AS (
  SELECT *,
    (SELECT min(r.id) FROM team_round r WHERE r.person_id = near.person_id
      AND r.day = CASE WHEN d_before <= 92
          AND (d_after IS NULL OR d_before <= d_after) THEN round_before
        WHEN d_after <= 92 THEN round_after END) AS round_id
  FROM near),
-- The figures of that round (csvexport_team.c, team.c): per round and
-- team statement the number of answers, their sum and their sum of
-- squares on 0..4 (a reverse statement counting 4 - value), read in the
-- tally's primary key order.  All three are whole numbers, exact in a
-- double whatever the order of adding.
tst AS (
  SELECT y.round_id AS rid, i.flag, i.id AS iid, total(y.count) AS n,
    total(abs(4 * i.rev - y.value) * y.count) AS s,
    total(abs(4 * i.rev - y.value) * abs(4 * i.rev - y.value) * y.count)
      AS q
  FROM team_tally y JOIN titem i ON i.id = y.item_id
  GROUP BY y.round_id, y.item_id),
-- Per round, the statements shown (at least 3 answers in a round of at
-- least 3 responses, TEAM_MIN_RESPONSES: the bench leaves OWNIT_TEAM_MIN
-- unset): the flag sums, and each leader statement on its own, as its
-- evidence is added in file order.
tro AS (
  SELECT r.id AS trid,
    total(CASE t.flag WHEN 1 THEN t.n END) AS tn1,
    total(CASE t.flag WHEN 1 THEN t.s END) AS ts1,
    total(CASE t.flag WHEN 1 THEN t.q END) AS tq1,
    total(CASE t.flag WHEN 2 THEN t.n END) AS tn2,
    total(CASE t.flag WHEN 2 THEN t.s END) AS ts2,
    total(CASE t.flag WHEN 2 THEN t.q END) AS tq2,
    total(CASE t.flag WHEN 3 THEN t.n END) AS tn3,
    total(CASE t.flag WHEN 3 THEN t.s END) AS ts3,
    total(CASE t.flag WHEN 3 THEN t.q END) AS tq3,
    total(CASE t.flag WHEN 4 THEN t.n END) AS tn4,
    total(CASE t.flag WHEN 4 THEN t.s END) AS ts4,
    total(CASE t.flag WHEN 4 THEN t.q END) AS tq4,
    total(CASE t.flag WHEN 5 THEN t.n END) AS tn5,
    total(CASE t.flag WHEN 5 THEN t.s END) AS ts5,
    total(CASE t.flag WHEN 5 THEN t.q END) AS tq5,
    max(CASE t.iid WHEN 'leader-keeps-word' THEN t.n END) AS kwn,
    max(CASE t.iid WHEN 'leader-keeps-word' THEN t.s END) AS kws,
    max(CASE t.iid WHEN 'leader-owns-errors' THEN t.n END) AS oen,
    max(CASE t.iid WHEN 'leader-owns-errors' THEN t.s END) AS oes,
    max(CASE t.iid WHEN 'leader-blames' THEN t.n END) AS bln,
    max(CASE t.iid WHEN 'leader-blames' THEN t.s END) AS bls,
    max(CASE t.iid WHEN 'leader-steps-in' THEN t.n END) AS sin,
    max(CASE t.iid WHEN 'leader-steps-in' THEN t.s END) AS sis,
    max(CASE t.iid WHEN 'leader-asks-approval' THEN t.n END) AS aan,
    max(CASE t.iid WHEN 'leader-asks-approval' THEN t.s END) AS aas,
    max(CASE t.iid WHEN 'leader-sets-bounds' THEN t.n END) AS sbn,
    max(CASE t.iid WHEN 'leader-sets-bounds' THEN t.s END) AS sbs
  FROM team_round r JOIN tst t ON t.rid = r.id AND t.n >= 3
  WHERE r.responses >= 3
  GROUP BY r.id),
-- A flag is shown with at least 3 answers over its shown statements;
-- only what is shown counts towards a pillar.
tm1 AS (
  SELECT ev.*, x.*, r.day AS tday, r.label AS tlabel,
    r.responses AS tresp,
    CASE WHEN tn1 >= 3 THEN ts1 / tn1 END AS tf1,
    iif(tn1 >= 3, tn1, 0) AS tw1,
    CASE WHEN tn2 >= 3 THEN ts2 / tn2 END AS tf2,
    iif(tn2 >= 3, tn2, 0) AS tw2,
    CASE WHEN tn3 >= 3 THEN ts3 / tn3 END AS tf3,
    iif(tn3 >= 3, tn3, 0) AS tw3,
    CASE WHEN tn4 >= 3 THEN ts4 / tn4 END AS tf4,
    iif(tn4 >= 3, tn4, 0) AS tw4,
    CASE WHEN tn5 >= 3 THEN ts5 / tn5 END AS tf5,
    iif(tn5 >= 3, tn5, 0) AS tw5,
    kws / kwn AS kwm, coalesce(kwn, 0) AS kww,
    oes / oen AS oem, coalesce(oen, 0) AS oew,
    bls / bln AS blm, coalesce(bln, 0) AS blw,
    sis / sin AS sim, coalesce(sin, 0) AS siw,
    aas / aan AS aam, coalesce(aan, 0) AS aaw,
    sbs / sbn AS sbm, coalesce(sbn, 0) AS sbw
  FROM evr ev
  LEFT JOIN team_round r ON r.id = ev.round_id
  LEFT JOIN tro x ON x.trid = ev.round_id),
-- Spread as team.c has it (the mean of squares less the squared mean,
-- never below zero), the gap to the session's own flag score, and the
-- pillar evidence: 5 - mean weighted by answers, the flags pointing at
-- the pillar (content/redflags.csv) and then its leader statements, in
-- file order.
tm2 AS (
  SELECT *,
    CASE WHEN tf1 IS NOT NULL THEN iif(tq1 / tn1 - tf1 * tf1 > 0,
      sqrt(tq1 / tn1 - tf1 * tf1), 0.0) END AS tsp1,
    CASE WHEN tf2 IS NOT NULL THEN iif(tq2 / tn2 - tf2 * tf2 > 0,
      sqrt(tq2 / tn2 - tf2 * tf2), 0.0) END AS tsp2,
    CASE WHEN tf3 IS NOT NULL THEN iif(tq3 / tn3 - tf3 * tf3 > 0,
      sqrt(tq3 / tn3 - tf3 * tf3), 0.0) END AS tsp3,
    CASE WHEN tf4 IS NOT NULL THEN iif(tq4 / tn4 - tf4 * tf4 > 0,
      sqrt(tq4 / tn4 - tf4 * tf4), 0.0) END AS tsp4,
    CASE WHEN tf5 IS NOT NULL THEN iif(tq5 / tn5 - tf5 * tf5 > 0,
      sqrt(tq5 / tn5 - tf5 * tf5), 0.0) END AS tsp5,
    tf1 - f1 AS tg1,
    tf2 - f2 AS tg2,
    tf3 - f3 AS tg3,
    tf4 - f4 AS tg4,
    tf5 - f5 AS tg5,
    -- clarity
    CASE WHEN tw1 + tw3 > 0 THEN (coalesce(tw1 * (5.0 - tf1), 0.0)
      + coalesce(tw3 * (5.0 - tf3), 0.0))
      / (tw1 + tw3) END AS tp_clarity,
    -- trust-openness
    CASE WHEN tw2 + tw5 > 0 THEN (coalesce(tw2 * (5.0 - tf2), 0.0)
      + coalesce(tw5 * (5.0 - tf5), 0.0))
      / (tw2 + tw5) END AS tp_trust,
    -- autonomy
    CASE WHEN tw3 + tw4 + siw + aaw + sbw > 0
      THEN (coalesce(tw3 * (5.0 - tf3), 0.0)
      + coalesce(tw4 * (5.0 - tf4), 0.0)
      + coalesce(siw * (5.0 - sim), 0.0)
      + coalesce(aaw * (5.0 - aam), 0.0)
      + coalesce(sbw * (5.0 - sbm), 0.0))
      / (tw3 + tw4 + siw + aaw + sbw) END AS tp_autonomy,
    -- feedback-systems
    CASE WHEN tw1 + tw4 > 0 THEN (coalesce(tw1 * (5.0 - tf1), 0.0)
      + coalesce(tw4 * (5.0 - tf4), 0.0))
      / (tw1 + tw4) END AS tp_feedback,
    -- role-modelling
    CASE WHEN tw2 + tw4 + tw5 + kww + oew + blw > 0
      THEN (coalesce(tw2 * (5.0 - tf2), 0.0)
      + coalesce(tw4 * (5.0 - tf4), 0.0)
      + coalesce(tw5 * (5.0 - tf5), 0.0)
      + coalesce(kww * (5.0 - kwm), 0.0)
      + coalesce(oew * (5.0 - oem), 0.0)
      + coalesce(blw * (5.0 - blm), 0.0))
      / (tw2 + tw4 + tw5 + kww + oew + blw) END AS tp_rolem,
    -- vision
    CASE WHEN tw1 + tw3 > 0 THEN (coalesce(tw1 * (5.0 - tf1), 0.0)
      + coalesce(tw3 * (5.0 - tf3), 0.0))
      / (tw1 + tw3) END AS tp_vision
  FROM tm1),
-- The leader's own rating less the team's evidence.
tm AS (
  SELECT *,
    clarity - tp_clarity AS tgp_clarity,
    trust - tp_trust AS tgp_trust,
    autonomy - tp_autonomy AS tgp_autonomy,
    feedback - tp_feedback AS tgp_feedback,
    rolem - tp_rolem AS tgp_rolem,
    vision - tp_vision AS tgp_vision
  FROM tm2)
SELECT
  -- put(): only a formula lead is guarded
  CASE WHEN substr(uuid, 1, 1) IN ('=', '+', '-', '@', char(9), char(13))
    THEN '''' || uuid ELSE uuid END AS session_id,
  -- put_text(): csvexport_guard_needed
  CASE WHEN pname = '' OR (pname NOT GLOB '*[^0-9]*'
      AND length(pname) <= 15 AND (pname NOT GLOB '0*' OR pname = '0'))
    THEN pname
    WHEN unicode(pname) < 128 AND NOT lower(substr(pname, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || pname
    WHEN lower(pname) IN ('true', 'false') OR substr(pname, 1, 4) = 'Err:'
      THEN '''' || pname
    ELSE pname END AS person,
  kind,
  CASE WHEN coach IS NULL OR coach = '' OR (coach NOT GLOB '*[^0-9]*'
      AND length(coach) <= 15 AND (coach NOT GLOB '0*' OR coach = '0'))
    THEN coach
    WHEN unicode(coach) < 128 AND NOT lower(substr(coach, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || coach
    WHEN lower(coach) IN ('true', 'false') OR substr(coach, 1, 4) = 'Err:'
      THEN '''' || coach
    ELSE coach END AS coach,
  st_local || printf('%s%02d:%02d', iif(st_off < 0, '-', '+'),
    abs(st_off) / 60, abs(st_off) % 60) AS started_at,
  co_local || printf('%s%02d:%02d', iif(co_off < 0, '-', '+'),
    abs(co_off) / 60, abs(co_off) % 60) AS completed_at,
  status,
  CASE WHEN content_version = '' OR (content_version NOT GLOB '*[^0-9]*'
      AND length(content_version) <= 15
      AND (content_version NOT GLOB '0*' OR content_version = '0'))
    THEN content_version
    WHEN unicode(content_version) < 128 AND NOT lower(substr(content_version,
      1, 1)) BETWEEN 'a' AND 'z' THEN '''' || content_version
    WHEN lower(content_version) IN ('true', 'false')
      OR substr(content_version, 1, 4) = 'Err:'
      THEN '''' || content_version
    ELSE content_version END AS content_version,
  -- csvexport_decimal(): round(|v| * 100) as cents, "%lld.%02lld"
  iif(f1 IS NULL, NULL, printf('%d.%02d', CAST(f1 * 100 + 0.5 AS INTEGER)
    / 100, CAST(f1 * 100 + 0.5 AS INTEGER) % 100)) AS flag_vague_updates,
  iif(f2 IS NULL, NULL, printf('%d.%02d', CAST(f2 * 100 + 0.5 AS INTEGER)
    / 100, CAST(f2 * 100 + 0.5 AS INTEGER) % 100)) AS flag_slow_escalation,
  iif(f3 IS NULL, NULL, printf('%d.%02d', CAST(f3 * 100 + 0.5 AS INTEGER)
    / 100, CAST(f3 * 100 + 0.5 AS INTEGER) % 100)) AS flag_not_my_job,
  iif(f4 IS NULL, NULL, printf('%d.%02d', CAST(f4 * 100 + 0.5 AS INTEGER)
    / 100, CAST(f4 * 100 + 0.5 AS INTEGER) % 100))
    AS flag_missed_commitments,
  iif(f5 IS NULL, NULL, printf('%d.%02d', CAST(f5 * 100 + 0.5 AS INTEGER)
    / 100, CAST(f5 * 100 + 0.5 AS INTEGER) % 100)) AS flag_passive_agreement,
  iif(clarity IS NULL, NULL, clarity || '.00') AS pillar_clarity,
  iif(trust IS NULL, NULL, trust || '.00') AS pillar_trust_openness,
  iif(autonomy IS NULL, NULL, autonomy || '.00') AS pillar_autonomy,
  iif(feedback IS NULL, NULL, feedback || '.00') AS pillar_feedback_systems,
  iif(rolem IS NULL, NULL, rolem || '.00') AS pillar_role_modelling,
  iif(vision IS NULL, NULL, vision || '.00') AS vision,
  iif(e_clarity IS NULL, NULL, printf('%d.%02d',
    CAST(e_clarity * 100 + 0.5 AS INTEGER) / 100,
    CAST(e_clarity * 100 + 0.5 AS INTEGER) % 100)) AS evidence_clarity,
  iif(e_trust IS NULL, NULL, printf('%d.%02d',
    CAST(e_trust * 100 + 0.5 AS INTEGER) / 100,
    CAST(e_trust * 100 + 0.5 AS INTEGER) % 100)) AS evidence_trust_openness,
  iif(e_autonomy IS NULL, NULL, printf('%d.%02d',
    CAST(e_autonomy * 100 + 0.5 AS INTEGER) / 100,
    CAST(e_autonomy * 100 + 0.5 AS INTEGER) % 100)) AS evidence_autonomy,
  iif(e_feedback IS NULL, NULL, printf('%d.%02d',
    CAST(e_feedback * 100 + 0.5 AS INTEGER) / 100,
    CAST(e_feedback * 100 + 0.5 AS INTEGER) % 100))
    AS evidence_feedback_systems,
  iif(e_rolem IS NULL, NULL, printf('%d.%02d',
    CAST(e_rolem * 100 + 0.5 AS INTEGER) / 100,
    CAST(e_rolem * 100 + 0.5 AS INTEGER) % 100)) AS evidence_role_modelling,
  -- content_band_for() allows 1e-9 at a band edge
  (SELECT id FROM (SELECT 1 AS o, 'vague-updates' AS id, f1 AS v
      UNION ALL SELECT 2, 'slow-escalation', f2
      UNION ALL SELECT 3, 'not-my-job', f3
      UNION ALL SELECT 4, 'missed-commitments', f4
      UNION ALL SELECT 5, 'passive-agreement', f5)
    WHERE v + 1e-9 >= 1.5 ORDER BY v DESC, o LIMIT 1) AS strongest_flag,
  CASE WHEN situation IS NULL OR situation = ''
      OR (situation NOT GLOB '*[^0-9]*' AND length(situation) <= 15
      AND (situation NOT GLOB '0*' OR situation = '0'))
    THEN situation
    WHEN unicode(situation) < 128 AND NOT lower(substr(situation, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || situation
    WHEN lower(situation) IN ('true', 'false')
      OR substr(situation, 1, 4) = 'Err:' THEN '''' || situation
    ELSE situation END AS ladder_situation,
  start_rung AS ladder_start,
  reached_rung AS ladder_reached,
  made AS commitments_made,
  CAST(kept AS INTEGER) AS commitments_kept,
  CAST(missed AS INTEGER) AS commitments_missed,
  CASE WHEN body IS NULL OR body = '' OR (body NOT GLOB '*[^0-9]*'
      AND length(body) <= 15 AND (body NOT GLOB '0*' OR body = '0'))
    THEN body
    WHEN unicode(body) < 128 AND NOT lower(substr(body, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || body
    WHEN lower(body) IN ('true', 'false') OR substr(body, 1, 4) = 'Err:'
      THEN '''' || body
    ELSE body END AS notes,
  -- csvexport_team.c: the round's day, label and responses, and its
  -- figures when it has enough responses; csvexport_decimal() keeps the
  -- sign of a gap that does not round to zero
  tday AS team_day,
  CASE WHEN tlabel IS NULL OR tlabel = '' OR (tlabel NOT GLOB '*[^0-9]*'
      AND length(tlabel) <= 15 AND (tlabel NOT GLOB '0*' OR tlabel = '0'))
    THEN tlabel
    WHEN unicode(tlabel) < 128 AND NOT lower(substr(tlabel, 1, 1))
      BETWEEN 'a' AND 'z' THEN '''' || tlabel
    WHEN lower(tlabel) IN ('true', 'false') OR substr(tlabel, 1, 4) = 'Err:'
      THEN '''' || tlabel
    ELSE tlabel END AS team_label,
  tresp AS team_responses,
  iif(tf1 IS NULL, NULL, printf('%s%d.%02d',
    iif(tf1 < 0 AND CAST(abs(tf1) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tf1) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tf1) * 100 + 0.5 AS INTEGER) % 100))
    AS team_flag_vague_updates,
  iif(tf2 IS NULL, NULL, printf('%s%d.%02d',
    iif(tf2 < 0 AND CAST(abs(tf2) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tf2) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tf2) * 100 + 0.5 AS INTEGER) % 100))
    AS team_flag_slow_escalation,
  iif(tf3 IS NULL, NULL, printf('%s%d.%02d',
    iif(tf3 < 0 AND CAST(abs(tf3) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tf3) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tf3) * 100 + 0.5 AS INTEGER) % 100))
    AS team_flag_not_my_job,
  iif(tf4 IS NULL, NULL, printf('%s%d.%02d',
    iif(tf4 < 0 AND CAST(abs(tf4) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tf4) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tf4) * 100 + 0.5 AS INTEGER) % 100))
    AS team_flag_missed_commitments,
  iif(tf5 IS NULL, NULL, printf('%s%d.%02d',
    iif(tf5 < 0 AND CAST(abs(tf5) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tf5) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tf5) * 100 + 0.5 AS INTEGER) % 100))
    AS team_flag_passive_agreement,
  iif(tsp1 IS NULL, NULL, printf('%s%d.%02d',
    iif(tsp1 < 0 AND CAST(abs(tsp1) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tsp1) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tsp1) * 100 + 0.5 AS INTEGER) % 100))
    AS team_spread_vague_updates,
  iif(tsp2 IS NULL, NULL, printf('%s%d.%02d',
    iif(tsp2 < 0 AND CAST(abs(tsp2) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tsp2) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tsp2) * 100 + 0.5 AS INTEGER) % 100))
    AS team_spread_slow_escalation,
  iif(tsp3 IS NULL, NULL, printf('%s%d.%02d',
    iif(tsp3 < 0 AND CAST(abs(tsp3) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tsp3) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tsp3) * 100 + 0.5 AS INTEGER) % 100))
    AS team_spread_not_my_job,
  iif(tsp4 IS NULL, NULL, printf('%s%d.%02d',
    iif(tsp4 < 0 AND CAST(abs(tsp4) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tsp4) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tsp4) * 100 + 0.5 AS INTEGER) % 100))
    AS team_spread_missed_commitments,
  iif(tsp5 IS NULL, NULL, printf('%s%d.%02d',
    iif(tsp5 < 0 AND CAST(abs(tsp5) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tsp5) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tsp5) * 100 + 0.5 AS INTEGER) % 100))
    AS team_spread_passive_agreement,
  iif(tg1 IS NULL, NULL, printf('%s%d.%02d',
    iif(tg1 < 0 AND CAST(abs(tg1) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tg1) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tg1) * 100 + 0.5 AS INTEGER) % 100))
    AS team_gap_flag_vague_updates,
  iif(tg2 IS NULL, NULL, printf('%s%d.%02d',
    iif(tg2 < 0 AND CAST(abs(tg2) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tg2) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tg2) * 100 + 0.5 AS INTEGER) % 100))
    AS team_gap_flag_slow_escalation,
  iif(tg3 IS NULL, NULL, printf('%s%d.%02d',
    iif(tg3 < 0 AND CAST(abs(tg3) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tg3) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tg3) * 100 + 0.5 AS INTEGER) % 100))
    AS team_gap_flag_not_my_job,
  iif(tg4 IS NULL, NULL, printf('%s%d.%02d',
    iif(tg4 < 0 AND CAST(abs(tg4) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tg4) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tg4) * 100 + 0.5 AS INTEGER) % 100))
    AS team_gap_flag_missed_commitments,
  iif(tg5 IS NULL, NULL, printf('%s%d.%02d',
    iif(tg5 < 0 AND CAST(abs(tg5) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tg5) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tg5) * 100 + 0.5 AS INTEGER) % 100))
    AS team_gap_flag_passive_agreement,
  iif(tp_clarity IS NULL, NULL, printf('%s%d.%02d',
    iif(tp_clarity < 0
      AND CAST(abs(tp_clarity) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tp_clarity) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tp_clarity) * 100 + 0.5 AS INTEGER) % 100))
    AS team_pillar_clarity,
  iif(tp_trust IS NULL, NULL, printf('%s%d.%02d',
    iif(tp_trust < 0
      AND CAST(abs(tp_trust) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tp_trust) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tp_trust) * 100 + 0.5 AS INTEGER) % 100))
    AS team_pillar_trust_openness,
  iif(tp_autonomy IS NULL, NULL, printf('%s%d.%02d',
    iif(tp_autonomy < 0
      AND CAST(abs(tp_autonomy) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tp_autonomy) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tp_autonomy) * 100 + 0.5 AS INTEGER) % 100))
    AS team_pillar_autonomy,
  iif(tp_feedback IS NULL, NULL, printf('%s%d.%02d',
    iif(tp_feedback < 0
      AND CAST(abs(tp_feedback) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tp_feedback) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tp_feedback) * 100 + 0.5 AS INTEGER) % 100))
    AS team_pillar_feedback_systems,
  iif(tp_rolem IS NULL, NULL, printf('%s%d.%02d',
    iif(tp_rolem < 0
      AND CAST(abs(tp_rolem) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tp_rolem) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tp_rolem) * 100 + 0.5 AS INTEGER) % 100))
    AS team_pillar_role_modelling,
  iif(tp_vision IS NULL, NULL, printf('%s%d.%02d',
    iif(tp_vision < 0
      AND CAST(abs(tp_vision) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tp_vision) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tp_vision) * 100 + 0.5 AS INTEGER) % 100))
    AS team_pillar_vision,
  iif(tgp_clarity IS NULL, NULL, printf('%s%d.%02d',
    iif(tgp_clarity < 0
      AND CAST(abs(tgp_clarity) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tgp_clarity) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tgp_clarity) * 100 + 0.5 AS INTEGER) % 100))
    AS team_gap_clarity,
  iif(tgp_trust IS NULL, NULL, printf('%s%d.%02d',
    iif(tgp_trust < 0
      AND CAST(abs(tgp_trust) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tgp_trust) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tgp_trust) * 100 + 0.5 AS INTEGER) % 100))
    AS team_gap_trust_openness,
  iif(tgp_autonomy IS NULL, NULL, printf('%s%d.%02d',
    iif(tgp_autonomy < 0
      AND CAST(abs(tgp_autonomy) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tgp_autonomy) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tgp_autonomy) * 100 + 0.5 AS INTEGER) % 100))
    AS team_gap_autonomy,
  iif(tgp_feedback IS NULL, NULL, printf('%s%d.%02d',
    iif(tgp_feedback < 0
      AND CAST(abs(tgp_feedback) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tgp_feedback) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tgp_feedback) * 100 + 0.5 AS INTEGER) % 100))
    AS team_gap_feedback_systems,
  iif(tgp_rolem IS NULL, NULL, printf('%s%d.%02d',
    iif(tgp_rolem < 0
      AND CAST(abs(tgp_rolem) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tgp_rolem) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tgp_rolem) * 100 + 0.5 AS INTEGER) % 100))
    AS team_gap_role_modelling,
  iif(tgp_vision IS NULL, NULL, printf('%s%d.%02d',
    iif(tgp_vision < 0
      AND CAST(abs(tgp_vision) * 100 + 0.5 AS INTEGER) > 0, '-', ''),
    CAST(abs(tgp_vision) * 100 + 0.5 AS INTEGER) / 100,
    CAST(abs(tgp_vision) * 100 + 0.5 AS INTEGER) % 100))
    AS team_gap_vision
FROM tm
ORDER BY started, id;
