-- int_stayers: the start-of-year employees of each trial who stay through year Y: neither an
-- experienced termination nor laid off in the reduction in force (MODEL.md §3). Promotions and raises
-- are theirs.
-- materialized: view
SELECT w.*
FROM int_start_of_year_workforce AS w
ANTI JOIN int_experienced_terminations AS x ON x.trial = w.trial AND x.employee_id = w.employee_id
ANTI JOIN int_reduction_in_force AS r ON r.trial = w.trial AND r.employee_id = w.employee_id
