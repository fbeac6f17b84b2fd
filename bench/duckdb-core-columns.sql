-- What an analyst would write instead of Vardag: the core columns of initiative_adoption
-- (target_population, trained, active_users, sustained_users) for one as-of date, straight from
-- the raw CSV files with DuckDB. Same definitions as SPEC section 3. Used by jobs/benchmark,
-- which substitutes ${INPUT} (the input folder) and ${AS_OF} (YYYY-MM-DD).
SET TimeZone = 'Europe/Stockholm';

WITH
params AS (SELECT DATE '${AS_OF}' AS d),
employees AS (
  SELECT employee_id, trim(org_unit) AS org_unit, CAST(hired_on AS DATE) AS hired_on,
         CAST(NULLIF(trim(left_on), '') AS DATE) AS left_on
  FROM read_csv('${INPUT}/employees.csv', header = true, delim = ',', quote = '"', escape = '"', all_varchar = true)
),
initiatives AS (
  SELECT initiative_id, target_org_units, course_ids, usage_signals
  FROM read_csv('${INPUT}/initiatives.csv', header = true, delim = ',', quote = '"', escape = '"', all_varchar = true)
),
targets AS (
  SELECT DISTINCT i.initiative_id, rtrim(trim(t.prefix), '/') AS prefix
  FROM initiatives i, unnest(string_split(i.target_org_units, ';')) AS t(prefix)
  WHERE trim(t.prefix) <> ''
),
population AS (
  SELECT DISTINCT t.initiative_id, e.employee_id
  FROM employees e JOIN targets t
    ON e.org_unit = t.prefix OR starts_with(e.org_unit, t.prefix || '/'),
    params p
  WHERE e.hired_on <= p.d AND (e.left_on IS NULL OR e.left_on > p.d)
),
courses AS (
  SELECT DISTINCT i.initiative_id, trim(c.course_id) AS course_id
  FROM initiatives i, unnest(string_split(coalesce(i.course_ids, ''), ';')) AS c(course_id)
  WHERE trim(c.course_id) <> ''
),
trained AS (
  SELECT DISTINCT c.initiative_id, tr.employee_id
  FROM read_csv('${INPUT}/trainings.csv', header = true, delim = ',', quote = '"', escape = '"', all_varchar = true) tr
  JOIN courses c ON trim(tr.course_id) = c.course_id, params p
  WHERE CAST(tr.completed_on AS DATE) <= p.d
),
signals AS (
  SELECT DISTINCT i.initiative_id,
         lower(trim(split_part(s.signal, ':', 1))) AS source,
         lower(trim(split_part(s.signal, ':', 2))) AS action
  FROM initiatives i, unnest(string_split(coalesce(i.usage_signals, ''), ';')) AS s(signal)
  WHERE trim(s.signal) <> ''
),
events AS (
  SELECT employee_id, lower(trim(source)) AS source, lower(trim(action)) AS action,
         CAST(timezone('Europe/Stockholm', event_time) AS DATE) AS day
  FROM read_csv('${INPUT}/usage/*.csv', header = true, delim = ',', quote = '"', escape = '"',
       columns = {'event_time': 'TIMESTAMPTZ', 'employee_id': 'VARCHAR', 'source': 'VARCHAR',
                  'action': 'VARCHAR', 'count': 'INTEGER'})
  WHERE coalesce(count, 1) >= 1
),
active_days AS (
  SELECT DISTINCT s.initiative_id, e.employee_id, e.day
  FROM events e JOIN signals s ON e.source = s.source AND (s.action = '*' OR s.action = e.action), params p
  WHERE e.day BETWEEN p.d - 27 AND p.d
),
buckets AS (
  SELECT a.initiative_id, a.employee_id, count(DISTINCT (p.d - a.day) // 7) AS weeks
  FROM active_days a, params p
  GROUP BY ALL
)
SELECT i.initiative_id,
       count(DISTINCT pop.employee_id) AS target_population,
       count(DISTINCT CASE WHEN t.employee_id IS NOT NULL THEN pop.employee_id END) AS trained,
       count(DISTINCT CASE WHEN b.weeks >= 1 THEN pop.employee_id END) AS active_users,
       count(DISTINCT CASE WHEN b.weeks >= 3 THEN pop.employee_id END) AS sustained_users
FROM initiatives i
LEFT JOIN population pop ON pop.initiative_id = i.initiative_id
LEFT JOIN trained t ON t.initiative_id = pop.initiative_id AND t.employee_id = pop.employee_id
LEFT JOIN buckets b ON b.initiative_id = pop.initiative_id AND b.employee_id = pop.employee_id
GROUP BY i.initiative_id
ORDER BY i.initiative_id;
