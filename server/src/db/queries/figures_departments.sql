-- Sums of case_figures() for one period [$1, $2) seen at $3, of the area $4 (NULL: the city), by the
-- department each case was routed to as lead (吹哨): a case routed to two departments in turn counts for each.
SELECT r.department AS key,
       coalesce(sum(f.received), 0)::integer AS received, coalesce(sum(f.disputes), 0)::integer AS disputes, coalesce(sum(f.closed), 0)::integer AS closed,
       coalesce(sum(f.resolved), 0)::integer AS resolved, coalesce(sum(f.closed_in), 0)::integer AS "closedInPeriod", coalesce(sum(f.on_time), 0)::integer AS "onTime",
       coalesce(sum(f.resolved_in), 0)::integer AS "resolvedInPeriod", coalesce(sum(f.resolved_at_grid), 0)::integer AS "resolvedAtGrid",
       coalesce(sum(f.rated), 0)::integer AS rated, coalesce(sum(f.satisfied), 0)::integer AS satisfied, coalesce(sum(f.ran_over), 0)::integer AS "ranOver",
       coalesce(sum(f.send_backs), 0)::integer AS "sendBacks", coalesce(sum(f.reopened), 0)::integer AS reopened
FROM case_figures($1, $2, $3, $4) f
JOIN (SELECT DISTINCT x.case_id, x.department FROM case_routes x WHERE x.lead) r ON r.case_id = f.case_id
GROUP BY r.department
