-- marts.outlet_coverage: per outlet, how much it published, when, how long its articles are,
-- how many were rejected or duplicated, and whom it covers most.
CREATE OR REPLACE VIEW marts.outlet_coverage AS
WITH entity_ranks AS (
    SELECT coalesce(outlet, '(unknown)') AS outlet, name, sum(mentions) AS mentions,
           row_number() OVER (PARTITION BY coalesce(outlet, '(unknown)') ORDER BY sum(mentions) DESC, name) AS nth
    FROM marts.entity_mentions
    GROUP BY 1, 2
),
top_entities AS (
    SELECT outlet, list(name ORDER BY nth) AS top_entities, count(*) AS shown
    FROM entity_ranks WHERE nth <= 5 GROUP BY outlet
),
entity_counts AS (
    SELECT coalesce(outlet, '(unknown)') AS outlet, count(DISTINCT entity_id) AS entities
    FROM marts.entity_mentions GROUP BY ALL
),
quote_counts AS (
    SELECT coalesce(d.outlet, '(unknown)') AS outlet, count(*) AS quotes, count(DISTINCT q.speaker_id) AS speakers
    FROM core.quotes AS q JOIN clean.documents AS d USING (doc_id) WHERE q.kind <> 'term' GROUP BY ALL
)
SELECT
    coalesce(d.outlet, '(unknown)') AS outlet,
    count(*) FILTER (WHERE d.status = 'ok') AS documents,
    count(*) FILTER (WHERE d.status = 'rejected') AS rejected,
    count(*) FILTER (WHERE d.status = 'duplicate') AS duplicates,
    min(d.published_day) AS first_date,
    max(d.published_day) AS last_date,
    count(DISTINCT d.published_day) AS days_published,
    count(*) FILTER (WHERE d.status = 'ok' AND d.published_day IS NULL) AS undated,
    round(avg(d.words) FILTER (WHERE d.status = 'ok'), 1) AS avg_words,
    round(avg(d.paywalled::INT) FILTER (WHERE d.status = 'ok'), 3) AS paywalled_share,
    round(avg(d.boilerplate_share) FILTER (WHERE d.status = 'ok'), 3) AS avg_boilerplate_share,
    coalesce(any_value(e.entities), 0) AS entities,
    coalesce(any_value(q.quotes), 0) AS quotes,
    coalesce(any_value(q.speakers), 0) AS speakers,
    coalesce(any_value(t.top_entities), []) AS top_entities
FROM marts.documents AS d
LEFT JOIN entity_counts AS e ON e.outlet = coalesce(d.outlet, '(unknown)')
LEFT JOIN quote_counts AS q ON q.outlet = coalesce(d.outlet, '(unknown)')
LEFT JOIN top_entities AS t ON t.outlet = coalesce(d.outlet, '(unknown)')
GROUP BY coalesce(d.outlet, '(unknown)')
ORDER BY documents DESC, coalesce(d.outlet, '(unknown)');
COMMENT ON VIEW marts.outlet_coverage IS 'Per outlet: documents, rejections, duplicates, time span, article length, paywall share and the entities it covers most.';
COMMENT ON COLUMN marts.outlet_coverage.outlet IS 'Outlet name; (unknown) for documents whose outlet could not be told.';
COMMENT ON COLUMN marts.outlet_coverage.documents IS 'Documents stored as ok.';
COMMENT ON COLUMN marts.outlet_coverage.rejected IS 'Documents rejected (see marts.documents.reject_reason).';
COMMENT ON COLUMN marts.outlet_coverage.duplicates IS 'Documents that duplicate an earlier one.';
COMMENT ON COLUMN marts.outlet_coverage.first_date IS 'Earliest publication day.';
COMMENT ON COLUMN marts.outlet_coverage.last_date IS 'Latest publication day.';
COMMENT ON COLUMN marts.outlet_coverage.days_published IS 'Distinct publication days.';
COMMENT ON COLUMN marts.outlet_coverage.undated IS 'ok documents without a stated publication date.';
COMMENT ON COLUMN marts.outlet_coverage.avg_words IS 'Average words per ok document.';
COMMENT ON COLUMN marts.outlet_coverage.paywalled_share IS 'Share of ok documents behind a paywall (0..1).';
COMMENT ON COLUMN marts.outlet_coverage.avg_boilerplate_share IS 'Average share of the input removed as boilerplate.';
COMMENT ON COLUMN marts.outlet_coverage.entities IS 'Distinct entities mentioned.';
COMMENT ON COLUMN marts.outlet_coverage.quotes IS 'Quotes extracted: direct, indirect and reported.';
COMMENT ON COLUMN marts.outlet_coverage.speakers IS 'Distinct named speakers quoted: people, organisations and the organisations roles speak for.';
COMMENT ON COLUMN marts.outlet_coverage.top_entities IS 'The five entities it mentions most.';
