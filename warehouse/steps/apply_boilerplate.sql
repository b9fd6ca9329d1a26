-- Remove learned boilerplate lines from the bodies of their outlet's documents. A changed
-- body gets a new body hash, so its facts are extracted again by this run.
UPDATE clean.documents AS d
SET body = trim(array_to_string(
        list_filter(string_split(d.body, chr(10)), lambda line: NOT list_contains(s.segments, trim(line))),
        chr(10))),
    body_sha256 = ''  -- recomputed by the flow, which owns the fingerprint's definition
FROM (SELECT outlet, list(segment) AS segments FROM ops.boilerplate_segments GROUP BY outlet) AS s
WHERE d.outlet = s.outlet AND d.status = 'ok'
  AND len(list_intersect(list_transform(string_split(d.body, chr(10)), lambda line: trim(line)), s.segments)) > 0;
