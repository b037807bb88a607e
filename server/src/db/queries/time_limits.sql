-- The time limits, every holder's row for every kind ('*') and the kinds' own rows.
SELECT holder, kind, sign_hours AS "signHours", handle_hours AS "handleHours" FROM time_limits ORDER BY holder, kind
