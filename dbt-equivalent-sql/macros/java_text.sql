-- java_text: how census staging reads text, matching the Java model's CensusStaging exactly
-- (MODEL.md §1.1 leaves blanks and padding to the implementation; both engines must agree).

-- Java's String.trim(): strips every character up to U+0020 (controls and space) from both ends.
-- (DuckDB's trim() strips spaces only.)
CREATE OR REPLACE MACRO java_trim(s) AS
    regexp_replace(s, '^[\x00-\x20]+|[\x00-\x20]+$', '', 'g');

-- Java's String.isBlank() (or null): empty, or only Unicode white space (Character.isWhitespace:
-- space separators except the no-break ones, line and paragraph separators, \t \n \v \f \r, \x1C-\x1F).
CREATE OR REPLACE MACRO java_is_blank(s) AS
    s IS NULL
    OR regexp_full_match(s, '[\t\n\x0B\f\r\x1C-\x1F \x{1680}\x{2000}-\x{2006}\x{2008}-\x{200A}\x{2028}\x{2029}\x{205F}\x{3000}]*');
