-- marts.quotes_by_speaker: per speaker and the way they speak (in person, as an organisation,
-- through a role such as a spokesperson, as a group), how often and where they are quoted.
CREATE OR REPLACE VIEW marts.quotes_by_speaker AS
SELECT
    speaker,
    speaker_id,
    speaker_kind AS kind,
    coalesce(list(DISTINCT speaker_role ORDER BY speaker_role) FILTER (WHERE speaker_role IS NOT NULL), []) AS roles,
    count(*) AS quotes,
    count(*) FILTER (WHERE kind = 'direct') AS direct,
    count(*) FILTER (WHERE kind = 'indirect') AS indirect,
    count(*) FILTER (WHERE kind = 'reported') AS reported,
    count(DISTINCT doc_id) AS documents,
    list_sort(list(DISTINCT coalesce(outlet, '(unknown)'))) AS outlets,
    min(published_day) AS first_date,
    max(published_day) AS last_date,
    list(quote ORDER BY kind = 'direct' DESC, quote_chars DESC, doc_id, quote_no)[1:3] AS longest_quotes
FROM marts.quotes
WHERE speaker IS NOT NULL
GROUP BY speaker, speaker_id, speaker_kind
ORDER BY quotes DESC, documents DESC, speaker, kind;
COMMENT ON VIEW marts.quotes_by_speaker IS 'Speakers (people, organisations, the organisations roles speak for, groups) ranked by number of quotes, with documents, outlets, time span and their longest quotes.';
COMMENT ON COLUMN marts.quotes_by_speaker.speaker IS 'Canonical name of the speaker: a person or an organisation.';
COMMENT ON COLUMN marts.quotes_by_speaker.speaker_id IS 'Registry id of the speaker.';
COMMENT ON COLUMN marts.quotes_by_speaker.kind IS 'How the speaker speaks: person, organisation, role (through a spokesperson or office holder, see roles), group or source (a text of theirs).';
COMMENT ON COLUMN marts.quotes_by_speaker.roles IS 'The role words the text names the speaker by ("Kanzler" of a person, "Sprecher" a role of an organisation speaks through).';
COMMENT ON COLUMN marts.quotes_by_speaker.quotes IS 'Quotes attributed to the speaker.';
COMMENT ON COLUMN marts.quotes_by_speaker.direct IS 'Of them in quotation marks.';
COMMENT ON COLUMN marts.quotes_by_speaker.indirect IS 'Of them indirect speech ("X sagte, er sei …", "laut X …").';
COMMENT ON COLUMN marts.quotes_by_speaker.reported IS 'Of them reported speech acts ("X forderte …").';
COMMENT ON COLUMN marts.quotes_by_speaker.documents IS 'Documents quoting the speaker.';
COMMENT ON COLUMN marts.quotes_by_speaker.outlets IS 'Outlets quoting the speaker, (unknown) for a document without one.';
COMMENT ON COLUMN marts.quotes_by_speaker.first_date IS 'Earliest publication day of a quoting document.';
COMMENT ON COLUMN marts.quotes_by_speaker.last_date IS 'Latest publication day of a quoting document.';
COMMENT ON COLUMN marts.quotes_by_speaker.longest_quotes IS 'Up to three of the speaker''s longest quotes, quoted words first.';
