-- int_stayers: the start-of-year employees who stay through year Y: neither an experienced
-- termination nor laid off in the reduction in force (MODEL.md §3). Promotions and raises are theirs.
-- materialized: view
SELECT w.*
FROM int_start_of_year_workforce AS w
WHERE w.employee_id NOT IN (SELECT employee_id FROM int_experienced_terminations)
  AND w.employee_id NOT IN (SELECT employee_id FROM int_reduction_in_force)
