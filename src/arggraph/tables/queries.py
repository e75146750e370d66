"""The SQL both engines run over the tables, as named views in dependency order.

Written in the subset DuckDB and Spark SQL share (joins, ``LEFT JOIN ... IS NULL`` for
"not in", ``CASE``, ``COUNT(DISTINCT)``), so one text serves both. Each view mirrors one
step of the in-memory analyses, named in its comment; the engines create the views in
order, then select from the last ones.
"""

from __future__ import annotations

VIEWS: tuple[tuple[str, str], ...] = (
    # Claim.speakers: the speakers of a claim's attributions that are not questions asked
    ("holders", "SELECT DISTINCT claim_id, speaker FROM attributions WHERE NOT asked"),
    # positions._Index.named: holders that are not groups
    (
        "named_holders",
        """SELECT h.claim_id, h.speaker FROM holders h
           JOIN speakers s ON s.id = h.speaker WHERE s.kind <> 'group'""",
    ),
    # graph.is_undercut: a relation whose target is no claim
    ("plain_relations", "SELECT r.* FROM relations r JOIN claims c ON c.id = r.target"),
    (
        "undercut_relations",
        """SELECT r.* FROM relations r LEFT JOIN claims c ON c.id = r.target
           WHERE c.id IS NULL""",
    ),
    # signed.signed_relations: an undercut of x->y rebuts x; who drew it, and where
    (
        "signed",
        """SELECT key AS relation, source, target,
                  CASE WHEN kind = 'supports' THEN 1 ELSE -1 END AS sign,
                  CAST(NULL AS STRING) AS undercut_of, document AS drawn_in
           FROM plain_relations
           UNION ALL
           SELECT u.key, u.source, a.source, -1, a.key, u.document
           FROM undercut_relations u JOIN relations a ON a.id = u.target""",
    ),
    # positions._Index.question: each named speaker's own claims answering each question
    (
        "own_positions",
        """SELECT st.question_id, n.speaker,
                  SUM(CASE WHEN st.answer = 'yes' THEN 1 ELSE 0 END) AS yes_count,
                  SUM(CASE WHEN st.answer = 'no' THEN 1 ELSE 0 END) AS no_count
           FROM stances st JOIN named_holders n ON n.claim_id = st.claim_id
           GROUP BY st.question_id, n.speaker""",
    ),
    # (claim, document) and (claim, speaker) pairs as one join key each: a join planned on
    # the document or the speaker alone would pair every two quotes of a document first
    (
        "claim_documents",
        "SELECT DISTINCT concat(claim_id, ' ', document) AS pair FROM attributions",
    ),
    ("claim_holders", "SELECT concat(claim_id, ' ', speaker) AS pair FROM holders"),
    # positions._relation_leans: where the speaker draws the link (a shared document)
    (
        "drawn_where_quoted",
        """SELECT DISTINCT r.key, mine.speaker
           FROM plain_relations r
           JOIN attributions mine ON mine.claim_id = r.source
           JOIN claim_documents theirs
             ON theirs.pair = concat(r.target, ' ', mine.document)""",
    ),
    # positions._relation_leans: speakers placed only by a support or rebuttal
    (
        "placements",
        """SELECT st.question_id, n.speaker, r.key AS relation,
                  CASE WHEN (r.kind = 'supports') = (st.answer = 'yes')
                       THEN 'yes' ELSE 'no' END AS implies
           FROM stances st
           JOIN plain_relations r ON r.target = st.claim_id
           JOIN named_holders n ON n.claim_id = r.source
           LEFT JOIN stances source_answer
             ON source_answer.claim_id = r.source
            AND source_answer.question_id = st.question_id
           LEFT JOIN own_positions answered
             ON answered.question_id = st.question_id AND answered.speaker = n.speaker
           LEFT JOIN holders target_holder
             ON target_holder.claim_id = r.target AND target_holder.speaker = n.speaker
           LEFT JOIN drawn_where_quoted quoted
             ON quoted.key = r.key AND quoted.speaker = n.speaker
           WHERE source_answer.claim_id IS NULL
             AND answered.speaker IS NULL
             AND target_holder.speaker IS NULL
             AND (quoted.speaker IS NOT NULL OR r.speaker = n.speaker)""",
    ),
    (
        "positions",
        """SELECT question_id, speaker, basis, yes_count, no_count,
                  CASE WHEN yes_count > 0 AND no_count > 0 THEN 'mixed'
                       WHEN yes_count > 0 THEN 'yes' ELSE 'no' END AS lean
           FROM (
             SELECT question_id, speaker, 'own claims' AS basis, yes_count, no_count
             FROM own_positions
             UNION ALL
             SELECT question_id, speaker, 'relations' AS basis,
                    SUM(CASE WHEN implies = 'yes' THEN 1 ELSE 0 END) AS yes_count,
                    SUM(CASE WHEN implies = 'no' THEN 1 ELSE 0 END) AS no_count
             FROM placements GROUP BY question_id, speaker
           ) p""",
    ),
    # rebuttals.rebuttal_in_time: the dated span of the documents a claim is quoted from
    (
        "claim_dates",
        """SELECT a.claim_id, MIN(d.date_first) AS first_day, MAX(d.date_last) AS last_day
           FROM attributions a JOIN documents d ON d.id = a.document
           GROUP BY a.claim_id""",
    ),
    # positions._Index.answered_by: claims rebutted from a document not older than theirs
    (
        "answered_claims",
        """SELECT DISTINCT s.target AS claim_id
           FROM signed s
           LEFT JOIN documents drawn ON drawn.id = s.drawn_in
           LEFT JOIN claim_dates by_source ON by_source.claim_id = s.source
           LEFT JOIN claim_dates by_target ON by_target.claim_id = s.target
           WHERE s.sign < 0 AND (
             CASE WHEN s.drawn_in IS NOT NULL THEN drawn.date_last
                  ELSE by_source.last_day END IS NULL
             OR by_target.first_day IS NULL
             OR CASE WHEN s.drawn_in IS NOT NULL THEN drawn.date_last
                     ELSE by_source.last_day END >= by_target.first_day)""",
    ),
    # positions._Index.attacks_at and rebuttals.attacked_answer: the answer each rebuttal attacks
    (
        "attacks",
        """SELECT st.question_id, s.relation, s.source, s.target, st.answer AS target_answer,
                  s.undercut_of
           FROM signed s JOIN stances st ON st.claim_id = s.target
           WHERE s.sign < 0 AND s.undercut_of IS NULL
           UNION ALL
           SELECT st.question_id, s.relation, s.source, s.target,
                  CASE WHEN a.kind = 'supports' THEN st.answer
                       WHEN st.answer = 'yes' THEN 'no' ELSE 'yes' END,
                  s.undercut_of
           FROM signed s
           JOIN plain_relations a ON a.key = s.undercut_of
           JOIN stances st ON st.claim_id = a.target
           WHERE s.undercut_of IS NOT NULL""",
    ),
    (
        "shared_holders",
        """SELECT DISTINCT t.relation
           FROM attacks t
           JOIN holders h1 ON h1.claim_id = t.source
           JOIN claim_holders h2 ON h2.pair = concat(t.target, ' ', h1.speaker)""",
    ),
    ("named_claims", "SELECT DISTINCT claim_id FROM named_holders"),
    # rebuttals.clash_sides, `by`: a named holder of the source whose own claims do not
    # give the attacked answer only (read when the source answers nothing itself)
    (
        "sides_by",
        """SELECT DISTINCT t.question_id, t.relation
           FROM attacks t
           JOIN named_holders n ON n.claim_id = t.source
           LEFT JOIN own_positions o
             ON o.question_id = t.question_id AND o.speaker = n.speaker
           WHERE NOT (
             CASE WHEN t.target_answer = 'yes' THEN COALESCE(o.yes_count, 0)
                  ELSE COALESCE(o.no_count, 0) END > 0
             AND CASE WHEN t.target_answer = 'yes' THEN COALESCE(o.no_count, 0)
                      ELSE COALESCE(o.yes_count, 0) END = 0)""",
    ),
    # rebuttals.clash_sides, `against` for an undercut of x -> y: a named holder of x who
    # gives the attacked answer, or answers nothing and draws the step (step_drawers)
    (
        "sides_against_undercut",
        """SELECT DISTINCT t.question_id, t.relation
           FROM attacks t
           JOIN named_holders n ON n.claim_id = t.target
           LEFT JOIN own_positions o
             ON o.question_id = t.question_id AND o.speaker = n.speaker
           LEFT JOIN plain_relations step
             ON step.key = t.undercut_of AND step.speaker = n.speaker
           LEFT JOIN drawn_where_quoted quoted
             ON quoted.key = t.undercut_of AND quoted.speaker = n.speaker
           WHERE t.undercut_of IS NOT NULL AND (
             CASE WHEN t.target_answer = 'yes' THEN COALESCE(o.yes_count, 0)
                  ELSE COALESCE(o.no_count, 0) END > 0
             OR (COALESCE(o.yes_count, 0) = 0 AND COALESCE(o.no_count, 0) = 0
                 AND (step.key IS NOT NULL OR quoted.key IS NOT NULL)))""",
    ),
    # positions._Index._cruxes (rebuttals.clash_sides): across answers, a named holder on
    # each side of this question, none shared
    (
        "cruxes",
        """SELECT t.question_id, t.relation, t.source, t.target,
                  CASE WHEN answered.claim_id IS NULL THEN 0 ELSE 1 END AS answered
           FROM attacks t
           JOIN named_claims by_source ON by_source.claim_id = t.source
           JOIN named_claims by_target ON by_target.claim_id = t.target
           LEFT JOIN stances source_answer
             ON source_answer.claim_id = t.source
            AND source_answer.question_id = t.question_id
           LEFT JOIN shared_holders shared ON shared.relation = t.relation
           LEFT JOIN answered_claims answered ON answered.claim_id = t.source
           LEFT JOIN sides_by by_side
             ON by_side.relation = t.relation AND by_side.question_id = t.question_id
           LEFT JOIN sides_against_undercut against_side
             ON against_side.relation = t.relation
            AND against_side.question_id = t.question_id
           WHERE (source_answer.answer IS NULL OR source_answer.answer <> t.target_answer)
             AND shared.relation IS NULL
             AND (source_answer.answer IS NOT NULL OR by_side.relation IS NOT NULL)
             AND (t.undercut_of IS NULL OR against_side.relation IS NOT NULL)""",
    ),
    # contestedness._score: the documents the voices answer in
    (
        "voice_documents",
        """SELECT st.question_id, COUNT(DISTINCT a.document) AS documents
           FROM stances st
           JOIN named_holders n ON n.claim_id = st.claim_id
           JOIN attributions a ON a.claim_id = st.claim_id AND a.speaker = n.speaker
           GROUP BY st.question_id""",
    ),
    # contestedness._score: voices per answer, cruxes, answered, documents per question
    (
        "question_contest",
        """SELECT q.id AS question_id, q.topic_id,
                  COALESCE(v.yes_voices, 0) AS yes_voices,
                  COALESCE(v.no_voices, 0) AS no_voices,
                  COALESCE(v.mixed_voices, 0) AS mixed_voices,
                  COALESCE(c.cruxes, 0) AS cruxes,
                  COALESCE(c.answered, 0) AS answered,
                  COALESCE(d.documents, 0) AS documents
           FROM questions q
           LEFT JOIN (
             SELECT question_id,
                    SUM(CASE WHEN lean = 'yes' THEN 1 ELSE 0 END) AS yes_voices,
                    SUM(CASE WHEN lean = 'no' THEN 1 ELSE 0 END) AS no_voices,
                    SUM(CASE WHEN lean = 'mixed' THEN 1 ELSE 0 END) AS mixed_voices
             FROM positions WHERE basis = 'own claims' GROUP BY question_id
           ) v ON v.question_id = q.id
           LEFT JOIN (
             SELECT question_id, COUNT(*) AS cruxes, SUM(answered) AS answered
             FROM cruxes GROUP BY question_id
           ) c ON c.question_id = q.id
           LEFT JOIN voice_documents d ON d.question_id = q.id""",
    ),
    # summary.graph_summary's per-speaker rows, with documents and questions answered
    (
        "speaker_counts",
        """SELECT s.id AS speaker,
                  COALESCE(a.claims, 0) AS claims,
                  COALESCE(a.attributions, 0) AS attributions,
                  COALESCE(a.documents, 0) AS documents,
                  COALESCE(q.questions, 0) AS questions,
                  COALESCE(r.supports, 0) AS supports,
                  COALESCE(r.rebuts, 0) AS rebuts
           FROM speakers s
           LEFT JOIN (
             SELECT speaker, COUNT(DISTINCT claim_id) AS claims, COUNT(*) AS attributions,
                    COUNT(DISTINCT document) AS documents
             FROM attributions GROUP BY speaker
           ) a ON a.speaker = s.id
           LEFT JOIN (
             SELECT speaker, COUNT(*) AS questions FROM own_positions GROUP BY speaker
           ) q ON q.speaker = s.id
           LEFT JOIN (
             SELECT said.speaker,
                    SUM(CASE WHEN r.kind = 'supports' THEN 1 ELSE 0 END) AS supports,
                    SUM(CASE WHEN r.kind = 'rebuts' THEN 1 ELSE 0 END) AS rebuts
             FROM (SELECT DISTINCT speaker, claim_id FROM attributions) said
             JOIN relations r ON r.source = said.claim_id
             GROUP BY said.speaker
           ) r ON r.speaker = s.id""",
    ),
    # validation.ground_attribution: every quote to look up (implicit ones quote nothing)
    (
        "spans",
        """SELECT 'claim' AS owner_kind, claim_id AS owner_id, attribution, -1 AS segment,
                  document, quote, start
           FROM attributions WHERE NOT implicit AND NOT segmented
           UNION ALL
           SELECT 'relation', key, 0, -1, document, quote, start
           FROM relations WHERE speaker IS NOT NULL AND NOT implicit AND NOT segmented
           UNION ALL
           SELECT owner_kind, owner_id, attribution, segment, document, quote, start
           FROM segments""",
    ),
)
"""Every view, in the order to create them."""

DOCUMENT_GROUNDING = """
SELECT d.id AS document, COUNT(g.owner_id) AS quotes,
       SUM(CASE WHEN g.found THEN 1 ELSE 0 END) AS found,
       SUM(CASE WHEN g.at_given THEN 1 ELSE 0 END) AS at_given
FROM documents d LEFT JOIN grounded g ON g.document = d.id
GROUP BY d.id
"""
"""Per document: its quotes, how many occur in it, how many at their given offsets.

Runs after the engine has made the ``grounded`` view (see :mod:`arggraph.tables.grounding`).
"""

RESULT_QUERIES = {
    "positions": "SELECT question_id, speaker, basis, lean, yes_count, no_count FROM positions",
    "question_contest": "SELECT * FROM question_contest",
    "speaker_counts": "SELECT * FROM speaker_counts",
    "document_grounding": DOCUMENT_GROUNDING,
    "grounding": "SELECT * FROM grounded",
}
"""What an engine returns, by result name (small results: one row per question,
speaker, document, position, or quote)."""
